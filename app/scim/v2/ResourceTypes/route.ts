import { withDirectoryToken } from '@/lib/scim/with-directory-token';
import { scimJson } from '@/lib/scim/scim-error';
import { listResponse } from '@/lib/scim/list-query';
import { resourceTypes } from '@/lib/scim/scim-schemas';

export const dynamic = 'force-dynamic';

/** GET /scim/v2/ResourceTypes (RFC 7644 §4). */
export const GET = withDirectoryToken('directory:read', async () => {
  const types = resourceTypes();
  return scimJson(listResponse(types, types.length, { filter: null, skip: 0, take: types.length, startIndex: 1 }));
});
