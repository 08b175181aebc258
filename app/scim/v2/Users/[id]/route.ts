import { withDirectoryToken } from '@/lib/scim/with-directory-token';
import { scimJson } from '@/lib/scim/scim-error';
import { selectAttributes } from '@/lib/scim/list-query';
import { readScimBody } from '@/lib/scim/read-scim-body';
import { deleteScimUser, getScimUser, patchScimUser, replaceScimUser } from '@/lib/scim/scim-users';

export const dynamic = 'force-dynamic';

type Params = { id: string };

export const GET = withDirectoryToken<Params>('directory:read', async (request, { db, params }) =>
  scimJson(selectAttributes(await getScimUser(db, params.id), new URL(request.url))),
);

export const PUT = withDirectoryToken<Params>('directory:write', async (request, context) =>
  scimJson(await replaceScimUser(context.db, context, context.params.id, await readScimBody(request))),
);

export const PATCH = withDirectoryToken<Params>('directory:write', async (request, context) =>
  scimJson(await patchScimUser(context.db, context, context.params.id, await readScimBody(request))),
);

/** 204 (RFC 7644 §3.6). */
export const DELETE = withDirectoryToken<Params>('directory:write', async (_request, context) => {
  await deleteScimUser(context.db, context, context.params.id);
  return new Response(null, { status: 204 });
});
