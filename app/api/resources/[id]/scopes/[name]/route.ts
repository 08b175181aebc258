import { getDb } from '@/lib/db/client';
import { withPlatformOrConsole } from '@/lib/http/with-platform-or-console';
import { removeResourceScope } from '@/lib/resources/resource-service';

export const dynamic = 'force-dynamic';

/** Removes a scope from the API; refused with 409 while clients hold it. */
export const DELETE = withPlatformOrConsole<{ id: string; name: string }>(async (_request, { actor, params }) =>
  Response.json(await removeResourceScope(await getDb(), params.id, decodeURIComponent(params.name), actor), { headers: { 'Cache-Control': 'no-store' } }),
);
