import { getDb } from '@/lib/db/client';
import { withApiKey } from '@/lib/http/with-api-key';
import { readOptionalJsonBody } from '@/lib/http/read-json-body';
import { rotateClientSecret } from '@/lib/clients/rotate-client-secret';

export const dynamic = 'force-dynamic';

/**
 * POST /api/clients/{client_id}/secret → 201 with the client and its new client_secret
 * (shown this once). Body, optional: { "previous_secret_expires_in": seconds }.
 */
export const POST = withApiKey<{ clientId: string }>('clients:write', async (request, { params, actor }) => {
  const input = await readOptionalJsonBody(request);
  const rotated = await rotateClientSecret(await getDb(), params.clientId, input as never, actor);
  return Response.json(rotated, { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
