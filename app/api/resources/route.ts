import { getDb } from '@/lib/db/client';
import { withPlatformOrConsole } from '@/lib/http/with-platform-or-console';
import { readJsonBody } from '@/lib/http/read-json-body';
import { createResource, listResources } from '@/lib/resources/resource-service';

// API resources, for super admins signed in to the console (Configuration › APIs uses the
// same functions) and for platform automation with an Admin Client access token. An API
// decides what every client's tokens for it may carry, so no admin API key manages them.
export const dynamic = 'force-dynamic';

export const GET = withPlatformOrConsole(async () => Response.json({ data: await listResources(await getDb()) }, { headers: { 'Cache-Control': 'no-store' } }));

export const POST = withPlatformOrConsole(async (request, { actor }) => {
  const { value } = await readJsonBody(request);
  return Response.json(await createResource(await getDb(), value, actor), { status: 201, headers: { 'Cache-Control': 'no-store' } });
});
