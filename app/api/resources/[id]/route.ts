import { getDb } from '@/lib/db/client';
import { withPlatformOrConsole } from '@/lib/http/with-platform-or-console';
import { readJsonBody } from '@/lib/http/read-json-body';
import { deleteResource, getResource, updateResource } from '@/lib/resources/resource-service';

export const dynamic = 'force-dynamic';

type Params = { id: string };

export const GET = withPlatformOrConsole<Params>(async (_request, { params }) =>
  Response.json(await getResource(await getDb(), params.id), { headers: { 'Cache-Control': 'no-store' } }),
);

/** Name, description, token format and lifetime; the identifier (the tokens' `aud`) stays. */
export const PATCH = withPlatformOrConsole<Params>(async (request, { actor, params }) => {
  const { value } = await readJsonBody(request);
  return Response.json(await updateResource(await getDb(), params.id, value, actor), { headers: { 'Cache-Control': 'no-store' } });
});

/** Refused with 409, naming them, while clients hold its scopes or have it as their default API. */
export const DELETE = withPlatformOrConsole<Params>(async (_request, { actor, params }) => {
  await deleteResource(await getDb(), params.id, actor);
  return new Response(null, { status: 204 });
});
