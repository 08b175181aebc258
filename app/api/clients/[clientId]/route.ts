import { getDb } from '@/lib/db/client';
import { withApiKey } from '@/lib/http/with-api-key';
import { readJsonBody } from '@/lib/http/read-json-body';
import { getClient } from '@/lib/clients/get-client';
import { updateClient } from '@/lib/clients/update-client';
import { deleteClient } from '@/lib/clients/delete-client';

export const dynamic = 'force-dynamic';

type Params = { clientId: string };

export const GET = withApiKey<Params>('clients:read', async (_request, { params, access }) =>
  Response.json(await getClient(await getDb(), params.clientId, access), { headers: { 'Cache-Control': 'no-store' } }),
);

/** Any subset of the fields; `{"enabled": false}` disables the client (its tokens stop working). */
export const PATCH = withApiKey<Params>('clients:write', async (request, { params, actor, access }) => {
  const { value } = await readJsonBody(request);
  return Response.json(await updateClient(await getDb(), params.clientId, value, actor, access), { headers: { 'Cache-Control': 'no-store' } });
});

export const DELETE = withApiKey<Params>('clients:write', async (_request, { params, actor, access }) => {
  await deleteClient(await getDb(), params.clientId, actor, access);
  return new Response(null, { status: 204 });
});
