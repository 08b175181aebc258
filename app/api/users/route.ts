import { getDb } from '@/lib/db/client';
import { withApiKey } from '@/lib/http/with-api-key';
import { readJsonBody } from '@/lib/http/read-json-body';
import { idempotent } from '@/lib/http/idempotency';
import { parseInput, ServiceError } from '@/lib/errors/service-error';
import { createUser } from '@/lib/users/create-user';
import { getUser } from '@/lib/users/user-response';
import { userCreateRequestSchema } from '@/lib/users/user-schema';
import { listUsersByCursor } from '@/lib/users/list-users-by-cursor';
import { userCursorQuerySchema } from '@/lib/users/list-users';
import { apiUserManager } from '@/lib/users/api-user-manager';

// The admin API for users: the same schemas and services as the console and the CLI.
export const dynamic = 'force-dynamic';

const noStore = { 'Cache-Control': 'no-store' };

/** GET /api/users?q=&role=&limit=&cursor= */
export const GET = withApiKey('users:read', async (request) => {
  const query = parseInput(userCursorQuerySchema, Object.fromEntries(new URL(request.url).searchParams));
  return Response.json(await listUsersByCursor(await getDb(), query), { headers: noStore });
});

/** POST /api/users → 201 with the user. Only the platform token creates administrators. */
export const POST = withApiKey('users:write', async (request, context) => {
  const { value, text } = await readJsonBody(request);
  const input = parseInput(userCreateRequestSchema, value);
  const manager = apiUserManager(request, context);
  if (input.role === 'admin' && !manager.managesAdmins) throw new ServiceError('forbidden', 'An API key cannot create administrators', [{ path: 'role', message: 'Use user' }]);
  const db = await getDb();
  return idempotent(db, request, context.idempotencyOwner, text, async () => {
    const created = await createUser(db, input, context.actor);
    return { status: 201, body: await getUser(db, created.id) };
  });
});
