import { withDirectoryToken } from '@/lib/scim/with-directory-token';
import { ScimError, scimJson } from '@/lib/scim/scim-error';
import { resourceTypes } from '@/lib/scim/scim-schemas';

export const dynamic = 'force-dynamic';

/** GET /scim/v2/ResourceTypes/{User|Group}. */
export const GET = withDirectoryToken<{ id: string }>('directory:read', async (_request, { params }) => {
  const type = resourceTypes().find((item) => item.id === params.id);
  if (!type) throw new ScimError(404, `No resource type ${params.id}: User and Group are served`);
  return scimJson(type);
});
