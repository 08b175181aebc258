import { issuer } from '@/lib/config/env';

/**
 * Whether a request that changes something fails to show that a page of this site sent
 * it. The console's and the hosted pages' cookies ride along on any request the browser
 * makes, so the cookies prove nothing; the Origin header does, and browsers send it on
 * every POST (Fetch §3.1). A foreign origin is refused; so are "null" (sandboxed frames,
 * cross-site redirects) and a missing Origin, unless the browser's own Sec-Fetch-Site
 * says same-origin (a plain form post is sent with Origin "null" under a no-referrer
 * policy; pages cannot set Sec-Fetch-* headers). Safe methods pass. (OWASP CSRF
 * Prevention Cheat Sheet: Fetch Metadata, Origin.)
 *
 * Only for requests authenticated by cookie: a script's admin API key travels in the
 * Authorization header, which no other site can make a browser send.
 */
export function lacksSameOriginProof(request: Request): boolean {
  if (['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return false;
  const origin = request.headers.get('origin');
  if (origin !== null && origin !== 'null') return origin !== new URL(issuer()).origin;
  return request.headers.get('sec-fetch-site') !== 'same-origin';
}
