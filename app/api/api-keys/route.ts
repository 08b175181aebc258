import { getDb } from '@/lib/db/client';
import { withPlatformOrConsole } from '@/lib/http/with-platform-or-console';
import { readJsonBody } from '@/lib/http/read-json-body';
import { createApiKey } from '@/lib/api-keys/api-keys';
import { listApiKeys } from '@/lib/api-keys/list-api-keys';

// Admin API keys, for super admins signed in to the console (Settings › API Keys uses
// the same functions) and for platform automation with an Admin Client access token.
// The key is in the 201 response only.
export const dynamic = 'force-dynamic';

export const GET = withPlatformOrConsole(async () => Response.json({ data: await listApiKeys(await getDb()) }, { headers: { 'Cache-Control': 'no-store' } }));

export const POST = withPlatformOrConsole(async (request, { actor }) => {
  const { value } = await readJsonBody(request);
  return Response.json(await createApiKey(await getDb(), value, actor), { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
