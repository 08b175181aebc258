import { getDb } from '@/lib/db/client';
import { withApiKey } from '@/lib/http/with-api-key';
import { readJsonBody } from '@/lib/http/read-json-body';
import { createOrganization, listOrganizations } from '@/lib/organizations/organization-service';

export const dynamic = 'force-dynamic';

export const GET = withApiKey('clients:read', async () => Response.json({ data: await listOrganizations(await getDb()) }, { headers: { 'Cache-Control': 'no-store' } }));

export const POST = withApiKey('clients:write', async (request, { actor }) => {
  const { value } = await readJsonBody(request);
  return Response.json(await createOrganization(await getDb(), value, actor), { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
