import { issuer } from '@/lib/config/env';

/**
 * Whether a request that changes something came from another site. The console's and
 * the hosted pages' session cookies ride along on cross-site requests, so the Origin
 * header decides: a foreign origin, or "null" (sandboxed frames, some redirects), is
 * refused; a missing Origin with Sec-Fetch-Site: cross-site too. Safe methods pass.
 */
export function isCrossSiteWrite(request: Request): boolean {
  if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return false;
  const origin = request.headers.get('origin');
  if (origin !== null) return origin !== new URL(issuer()).origin;
  return request.headers.get('sec-fetch-site') === 'cross-site';
}
