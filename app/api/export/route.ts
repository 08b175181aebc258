import { getDb } from '@/lib/db/client';
import { withApiKey } from '@/lib/http/with-api-key';
import { apiError } from '@/lib/http/api-error';
import { ENTITY_KINDS } from '@/lib/config-as-code/document-schema';
import { exportConfig, parseOnly } from '@/lib/config-as-code/export-config';

// The document `thalamus export` prints (never secrets), for the same callers as POST /api/apply.
export const dynamic = 'force-dynamic';

export const GET = withApiKey('platform', async (request) => {
  const only = parseOnly(new URL(request.url).searchParams.get('only') ?? undefined);
  if (!Array.isArray(only)) return apiError(400, 'invalid_request', `Unknown list ${only.unknown}`, [{ path: 'only', message: `Use ${ENTITY_KINDS.join(', ')}` }]);
  return Response.json(await exportConfig(await getDb(), only), { headers: { 'Cache-Control': 'no-store' } });
});
