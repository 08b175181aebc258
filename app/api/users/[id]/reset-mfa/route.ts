import { getDb } from '@/lib/db/client';
import { withApiKey } from '@/lib/http/with-api-key';
import { resetUserMfa } from '@/lib/users/manage-user';
import { getUser } from '@/lib/users/user-response';
import { apiUserManager } from '@/lib/users/api-user-manager';

export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'no-store' };

/** POST /api/users/{id}/reset-mfa: Removes the user's authenticator and recovery codes: answers the user. */
export const POST = withApiKey<{ id: string }>('users:write', async (request, context) => {
  const db = await getDb();
  await resetUserMfa(db, apiUserManager(request, context), context.params.id);
  return Response.json(await getUser(db, context.params.id), { headers: noStore });
});
