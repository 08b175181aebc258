import { withDirectoryToken } from '@/lib/scim/with-directory-token';
import { ScimError, scimJson } from '@/lib/scim/scim-error';
import { schemaDefinitions } from '@/lib/scim/scim-schemas';

export const dynamic = 'force-dynamic';

/** GET /scim/v2/Schemas/{urn}. */
export const GET = withDirectoryToken<{ id: string }>('directory:read', async (_request, { params }) => {
  const id = decodeURIComponent(params.id);
  const schema = schemaDefinitions().find((item) => item.id === id);
  if (!schema) throw new ScimError(404, `No schema ${id}`);
  return scimJson(schema);
});
