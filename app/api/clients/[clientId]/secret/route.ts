import { getDb } from '@/lib/db/client';
import { withApiKey } from '@/lib/http/with-api-key';
import { readOptionalJsonBody } from '@/lib/http/read-json-body';
import { idempotent } from '@/lib/http/idempotency';
import { rotateClientSecret } from '@/lib/clients/rotate-client-secret';

export const dynamic = 'force-dynamic';

/**
 * POST /api/clients/{client_id}/secret → 201 with the client's fields and its new
 * client_secret beside them (shown this once), as registration answers. Body, optional: { "previous_secret_expires_in": seconds }. With an
 * Idempotency-Key a retry gets the same secret back instead of replacing it again.
 */
export const POST = withApiKey<{ clientId: string }>('clients:write', async (request, { params, actor, access, idempotencyOwner }) => {
  const { value, text } = await readOptionalJsonBody(request);
  const db = await getDb();
  return idempotent(db, request, idempotencyOwner, text, async () => ({ status: 201, body: await rotateClientSecret(db, params.clientId, value, actor, access) }));
});
