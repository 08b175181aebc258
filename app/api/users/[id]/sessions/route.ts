import { getDb } from '@/lib/db/client';
import { withApiKey } from '@/lib/http/with-api-key';
import { userSessionsView } from '@/lib/users/user-activity';

export const dynamic = 'force-dynamic';

/** GET /api/users/{id}/sessions: the user's sign-in sessions and connected apps (read-only). */
export const GET = withApiKey<{ id: string }>('users:read', async (_request, { params }) =>
  Response.json(await userSessionsView(await getDb(), params.id), { headers: { 'Cache-Control': 'no-store' } }),
);
