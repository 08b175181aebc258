import { getDb } from '@/lib/db/client';
import { withApiKey } from '@/lib/http/with-api-key';
import { readJsonBody } from '@/lib/http/read-json-body';
import { getAllowedGroups, setAllowedGroups } from '@/lib/groups/client-allowed-groups';

export const dynamic = 'force-dynamic';

type Params = { clientId: string };

/** GET /api/clients/{client_id}/allowed-groups → `{ client_id, allowed_groups: [{ id, display_name }] | null }`. */
export const GET = withApiKey<Params>('clients:read', async (_request, { params, access }) =>
  Response.json(await getAllowedGroups(await getDb(), params.clientId, access), { headers: { 'Cache-Control': 'no-store' } }),
);

/** PUT `{ "allowed_groups": ["grp_…"] }` limits sign-in to those groups' members; `null` lets everyone in. */
export const PUT = withApiKey<Params>('clients:write', async (request, { params, actor, access }) => {
  const { value } = await readJsonBody(request);
  return Response.json(await setAllowedGroups(await getDb(), params.clientId, value, actor, access), { headers: { 'Cache-Control': 'no-store' } });
});
