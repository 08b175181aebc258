import { withDirectoryToken } from '@/lib/scim/with-directory-token';
import { scimJson } from '@/lib/scim/scim-error';
import { listResponse } from '@/lib/scim/list-query';
import { schemaDefinitions } from '@/lib/scim/scim-schemas';

export const dynamic = 'force-dynamic';

/** GET /scim/v2/Schemas (RFC 7644 §4, RFC 7643 §7). */
export const GET = withDirectoryToken('directory:read', async () => {
  const schemas = schemaDefinitions();
  return scimJson(listResponse(schemas, schemas.length, { filter: null, skip: 0, take: schemas.length, startIndex: 1 }));
});
