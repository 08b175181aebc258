import { NextResponse, type NextRequest } from 'next/server';
import { apiError } from '@/lib/http/api-error';
import { lacksSameOriginProof } from '@/lib/http/cross-site';
import { malformedPathResponse } from '@/lib/http/malformed-path';
import { oversizedBodyResponse } from '@/lib/http/action-body-limit';
import { NONCE_HEADER, newNonce, pageContentSecurityPolicy } from '@/lib/security/content-security-policy';
import { STRICT_TRANSPORT_SECURITY, reachedOverTls } from '@/lib/security/strict-transport';

/**
 * In front of every page Thalamus renders (console, hosted sign-in pages and the pages emailed
 * links open, account page, landing, docs):
 *
 * - Console changes and hosted sign-in steps are server actions: POSTs that carry the
 *   admin's or user's cookies. One that does not show it came from this site (cross-site
 *   request forgery, login CSRF on the sign-in form, or no Origin at all) is refused with
 *   403 before any action runs, and one over the actions' body limit with 413.
 * - Each page gets its own script nonce and the Content-Security-Policy naming it, and
 *   Strict-Transport-Security behind TLS.
 *
 * The protocol endpoints (/oauth/*), the admin API and the SCIM server (/scim/*) are not behind it (relying parties
 * post to them from their own origins; scripts send no Origin; the token endpoint should
 * not pay for a proxy), except that a path of theirs with a malformed percent-escape is
 * answered here with a 400 before Next.js fails to route it.
 */
export async function proxy(request: NextRequest): Promise<Response> {
  const response = await answer(request);
  if (reachedOverTls(request)) response.headers.set('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
  return response;
}

async function answer(request: NextRequest): Promise<Response> {
  const malformed = malformedPathResponse(request);
  if (malformed) return malformed;
  const { pathname } = request.nextUrl;
  if (pathname.startsWith('/api/') || pathname.startsWith('/oauth/') || pathname.startsWith('/scim/')) return NextResponse.next();
  if (lacksSameOriginProof(request)) return apiError(403, 'forbidden', 'Changes must come from the pages of this site (the Origin header is missing or foreign)');
  if (!['GET', 'HEAD'].includes(request.method)) {
    const oversized = await oversizedBodyResponse(request);
    if (oversized) return oversized;
  }
  return withPagePolicy(request);
}

/** Hands the page a fresh nonce: in the request's policy header, which Next.js reads, and in the response's. */
function withPagePolicy(request: NextRequest): Response {
  const nonce = newNonce();
  const policy = pageContentSecurityPolicy(nonce, { signInFlow: request.nextUrl.pathname.startsWith('/interaction/') });
  const headers = new Headers(request.headers);
  headers.set('Content-Security-Policy', policy);
  headers.set(NONCE_HEADER, nonce);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  return response;
}

export const config = {
  matcher: [
    '/',
    '/docs/:path*',
    '/console/:path*',
    '/interaction/:path*',
    '/account',
    '/account/:path*',
    '/password/:path*',
    '/invitation/:path*',
    // Only paths with a percent-escape: checked for malformed ones, passed on otherwise.
    '/api/:path(.*%.*)',
    '/oauth/:path(.*%.*)',
    '/scim/:path(.*%.*)',
  ],
};
