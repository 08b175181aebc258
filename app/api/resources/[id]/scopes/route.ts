import { getDb } from '@/lib/db/client';
import { withPlatformOrConsole } from '@/lib/http/with-platform-or-console';
import { readJsonBody } from '@/lib/http/read-json-body';
import { addResourceScope } from '@/lib/resources/resource-service';

export const dynamic = 'force-dynamic';

/** Adds a scope ({ name, description }) to the API; answers the API with its scopes. */
export const POST = withPlatformOrConsole<{ id: string }>(async (request, { actor, params }) => {
  const { value } = await readJsonBody(request);
  return Response.json(await addResourceScope(await getDb(), params.id, value, actor), { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
