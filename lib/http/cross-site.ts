import { issuer } from '@/lib/config/env';

/**
 * Whether a request that changes something came from another site. The console's and
 * the hosted pages' session cookies ride along on cross-site requests, so the Origin
 * header decides: a foreign origin is refused, and so is "null" (sandboxed frames,
 * cross-site redirects) unless the browser's own Sec-Fetch-Site says same-origin (a
 * plain form post is sent with Origin "null" under a no-referrer policy; pages cannot
 * set Sec-Fetch-* headers). A missing Origin with Sec-Fetch-Site: cross-site is refused
 * too. Safe methods pass. (OWASP CSRF Prevention Cheat Sheet: Fetch Metadata, Origin.)
 */
export function isCrossSiteWrite(request: Request): boolean {
  if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return false;
  const origin = request.headers.get('origin');
  const fetchSite = request.headers.get('sec-fetch-site');
  if (origin === 'null') return fetchSite !== 'same-origin';
  if (origin !== null) return origin !== new URL(issuer()).origin;
  return fetchSite === 'cross-site';
}
