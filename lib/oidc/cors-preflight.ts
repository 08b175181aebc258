import { getDb } from '@/lib/db/client';
import { parseList } from '@/lib/db/json-list';
import { readClientsVersion } from '@/lib/clients/clients-version';

/**
 * CORS preflights (Fetch Standard §3.2.2) for the provider's client endpoints. A preflight
 * carries no client credentials, so the library answers every origin and checks the
 * client only on the real request (clientBasedCORS, client-security.ts). Thalamus answers
 * a preflight only for an origin some enabled client lists in `allowed_cors_origins`:
 * any other origin gets no Access-Control-Allow-Origin, so the browser stops there.
 * Discovery and the JWKS are public and left to the library (any origin may read them).
 */
const isPublic = (pathname: string) => pathname === '/oauth/jwks' || pathname.startsWith('/.well-known/');

/** How often the allowed origins are re-read when clients changed (the clients version row). */
const CHECK_MS = 1_000;

interface OriginCache {
  origins: Set<string>;
  version?: string;
  checkedAt: number;
}
const state = globalThis as unknown as { thalamusCorsOrigins?: OriginCache };
const cache: OriginCache = (state.thalamusCorsOrigins ??= { origins: new Set(), checkedAt: 0 });

async function allowedOrigins(): Promise<Set<string>> {
  if (Date.now() - cache.checkedAt < CHECK_MS) return cache.origins;
  const db = await getDb();
  const version = await readClientsVersion(db);
  if (version !== cache.version || cache.checkedAt === 0) {
    const rows = await db.oAuthClient.findMany({ where: { enabled: true, NOT: { allowedCorsOrigins: '[]' } }, select: { allowedCorsOrigins: true } });
    cache.origins = new Set(rows.flatMap((row) => parseList(row.allowedCorsOrigins)));
    cache.version = version;
  }
  cache.checkedAt = Date.now();
  return cache.origins;
}

/** The answer to a preflight from an origin no client allows; undefined to let the provider answer. */
export async function refusedPreflight(request: Request, pathname: string): Promise<Response | undefined> {
  if (request.method !== 'OPTIONS' || isPublic(pathname)) return undefined;
  const origin = request.headers.get('origin');
  if (!origin || !request.headers.get('access-control-request-method')) return undefined;
  // Fails closed: without the list (database unreachable) no origin is vouched for.
  const allowed = await allowedOrigins().catch(() => new Set<string>());
  if (allowed.has(origin)) return undefined;
  return new Response(null, { status: 403, headers: { Vary: 'Origin', 'Cache-Control': 'no-store' } });
}
