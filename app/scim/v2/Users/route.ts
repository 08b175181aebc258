import { withDirectoryToken } from '@/lib/scim/with-directory-token';
import { scimJson } from '@/lib/scim/scim-error';
import { listResponse, readListQuery, selectAttributes } from '@/lib/scim/list-query';
import { readScimBody } from '@/lib/scim/read-scim-body';
import { createScimUser, listScimUsers } from '@/lib/scim/scim-users';

export const dynamic = 'force-dynamic';

/** GET /scim/v2/Users?filter=&startIndex=&count= (RFC 7644 §3.4.2). */
export const GET = withDirectoryToken('directory:read', async (request, { db }) => {
  const url = new URL(request.url);
  const query = readListQuery(url);
  const { total, resources } = await listScimUsers(db, query);
  return scimJson(
    listResponse(
      resources.map((resource) => selectAttributes(resource, url)),
      total,
      query,
    ),
  );
});

/** POST /scim/v2/Users → 201 with the user and its Location (RFC 7644 §3.3). */
export const POST = withDirectoryToken('directory:write', async (request, context) => {
  const user = await createScimUser(context.db, context, await readScimBody(request));
  return scimJson(user, 201, { Location: user.meta.location });
});
