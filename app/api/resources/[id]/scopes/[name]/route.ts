import { getDb } from '@/lib/db/client';
import { withPlatformOrConsole } from '@/lib/http/with-platform-or-console';
import { removeResourceScope } from '@/lib/resources/resource-service';

export const dynamic = 'force-dynamic';

/** Removes a scope from the API; refused with 409 while clients hold it. */
export const DELETE = withPlatformOrConsole<{ id: string; name: string }>(async (_request, { actor, params }) =>
  Response.json(await removeResourceScope(await getDb(), params.id, scopeName(params.name), actor), { headers: { 'Cache-Control': 'no-store' } }),
);

/** The path segment as the scope's name; a malformed escape is taken as written (404), never a 500. */
function scopeName(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
