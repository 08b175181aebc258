import { withDirectoryToken } from '@/lib/scim/with-directory-token';
import { scimJson } from '@/lib/scim/scim-error';
import { selectAttributes } from '@/lib/scim/list-query';
import { readScimBody } from '@/lib/scim/read-scim-body';
import { deleteScimGroup, getScimGroup, patchScimGroup, replaceScimGroup } from '@/lib/scim/scim-groups';

export const dynamic = 'force-dynamic';

type Params = { id: string };

export const GET = withDirectoryToken<Params>('directory:read', async (request, { db, params }) =>
  scimJson(selectAttributes(await getScimGroup(db, params.id), new URL(request.url))),
);

export const PUT = withDirectoryToken<Params>('directory:write', async (request, context) =>
  scimJson(await replaceScimGroup(context.db, context, context.params.id, await readScimBody(request))),
);

export const PATCH = withDirectoryToken<Params>('directory:write', async (request, context) =>
  scimJson(await patchScimGroup(context.db, context, context.params.id, await readScimBody(request))),
);

/** 204 (RFC 7644 §3.6). */
export const DELETE = withDirectoryToken<Params>('directory:write', async (_request, context) => {
  await deleteScimGroup(context.db, context, context.params.id);
  return new Response(null, { status: 204 });
});
