import { getDb } from '@/lib/db/client';
import { withApiKey } from '@/lib/http/with-api-key';
import { readJsonBody } from '@/lib/http/read-json-body';
import { applyConfig } from '@/lib/config-as-code/apply-config';
import { applyFlags, MAX_DOCUMENT_BYTES } from '@/lib/config-as-code/apply-flags';
import { applyResultSchema } from '@/lib/config-as-code/apply-result-schema';

// Clients as code over HTTP: the body is a document from `thalamus export`, applied in one
// transaction (or only planned with ?dry_run=true). For platform automation with an Admin
// Client access token only: a whole configuration is more than any admin API key manages.
// The answer holds new clients' secrets, once: never cached.
export const dynamic = 'force-dynamic';

export const POST = withApiKey('platform', async (request, { actor, access }) => {
  const flags = applyFlags(new URL(request.url));
  const { value } = await readJsonBody(request, { maxBytes: MAX_DOCUMENT_BYTES });
  const result = await applyConfig(await getDb(), value, actor, access, flags);
  return Response.json(applyResultSchema.parse(result), { headers: { 'Cache-Control': 'no-store' } });
});
