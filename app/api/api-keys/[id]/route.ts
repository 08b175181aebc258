import { getDb } from '@/lib/db/client';
import { withPlatformOrConsole } from '@/lib/http/with-platform-or-console';
import { readJsonBody } from '@/lib/http/read-json-body';
import { revokeApiKey, updateApiKeyGuardrails } from '@/lib/api-keys/api-keys';

export const dynamic = 'force-dynamic';

type Params = { id: string };

/** Changes the key's guardrails; the clients it registered stay as they are. */
export const PATCH = withPlatformOrConsole<Params>(async (request, { actor, params }) => {
  const { value } = await readJsonBody(request);
  return Response.json(await updateApiKeyGuardrails(await getDb(), params.id, value, actor), { headers: { 'Cache-Control': 'no-store' } });
});

/** Revokes the key; it stops working on its next request. Its clients keep working, owned by no key. */
export const DELETE = withPlatformOrConsole<Params>(async (_request, { actor, params }) => {
  await revokeApiKey(await getDb(), params.id, actor);
  return new Response(null, { status: 204 });
});
