import { getDb } from '@/lib/db/client';
import { withConsoleSession } from '@/lib/http/with-console-session';
import { revokeApiKey } from '@/lib/api-keys/api-keys';

export const dynamic = 'force-dynamic';

/** Revokes the key; it stops working on its next request. */
export const DELETE = withConsoleSession<{ id: string }>({ superAdmin: true }, async (_request, { actor, params }) => {
  await revokeApiKey(await getDb(), params.id, actor);
  return new Response(null, { status: 204 });
});
