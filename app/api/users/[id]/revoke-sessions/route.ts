import { getDb } from '@/lib/db/client';
import { withApiKey } from '@/lib/http/with-api-key';
import { revokeAllSessions } from '@/lib/users/manage-user';
import { apiUserManager } from '@/lib/users/api-user-manager';

export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'no-store' };

/** POST /api/users/{id}/revoke-sessions: Signs the user out of Thalamus everywhere: answers how many sessions ended. */
export const POST = withApiKey<{ id: string }>('users:write', async (request, context) =>
  Response.json(await revokeAllSessions(await getDb(), apiUserManager(request, context), context.params.id), { headers: noStore }),
);
