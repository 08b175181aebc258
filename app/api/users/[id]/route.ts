import { getDb } from '@/lib/db/client';
import { withApiKey } from '@/lib/http/with-api-key';
import { readJsonBody } from '@/lib/http/read-json-body';
import { getUser } from '@/lib/users/user-response';
import { updateUser } from '@/lib/users/update-user';
import { deleteUser } from '@/lib/users/delete-user';
import { apiUserManager } from '@/lib/users/api-user-manager';

export const dynamic = 'force-dynamic';

type Params = { id: string };
const noStore = { 'Cache-Control': 'no-store' };

export const GET = withApiKey<Params>('users:read', async (_request, { params }) => Response.json(await getUser(await getDb(), params.id), { headers: noStore }));

/** Any subset of email, name, nickname, picture, role, email_verified, mfa_required, disabled. */
export const PATCH = withApiKey<Params>('users:write', async (request, context) => {
  const { value } = await readJsonBody(request);
  return Response.json(await updateUser(await getDb(), apiUserManager(request, context), context.params.id, value), { headers: noStore });
});

/** Deletes the user with their sessions, grants and tokens. */
export const DELETE = withApiKey<Params>('users:write', async (request, context) => {
  await deleteUser(await getDb(), apiUserManager(request, context), context.params.id);
  return new Response(null, { status: 204 });
});
