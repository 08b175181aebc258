import { getDb } from '@/lib/db/client';
import { withApiKey } from '@/lib/http/with-api-key';
import { readJsonBody } from '@/lib/http/read-json-body';
import { idempotent } from '@/lib/http/idempotency';
import { createClient } from '@/lib/clients/create-client';
import { clientCursorQuerySchema, listClientsByCursor } from '@/lib/clients/list-clients';

// The admin API for clients: the same schema and service functions as the console. An
// API key reaches only the clients it registered (lib/clients/client-access.ts).
export const dynamic = 'force-dynamic';

/** GET /api/clients?q=&grant_type=&status=&client_kind=&organization_id=&owner=&not_used_days=&is_default=&sort=&order=&limit=&cursor=&include=facets */
export const GET = withApiKey('clients:read', async (request, { access }) => {
  const query = clientCursorQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listClientsByCursor(await getDb(), query, access), { headers: { 'Cache-Control': 'no-store' } });
});

/** POST /api/clients → 201 with the client's fields and, for confidential clients, client_secret beside them (shown this once; RFC 7591 §3.2.1). */
export const POST = withApiKey('clients:write', async (request, { access, actor, idempotencyOwner }) => {
  const { value, text } = await readJsonBody(request);
  const db = await getDb();
  return idempotent(db, request, idempotencyOwner, text, async () => ({ status: 201, body: await createClient(db, value, actor, access) }));
});
