/**
 * The Content-Security-Policy of every page Thalamus renders with React (console, hosted
 * sign-in pages, landing and docs pages). Scripts run only with this response's nonce,
 * and what they load ('strict-dynamic', CSP Level 3 §8.2): Next.js reads the nonce from
 * the request's policy header and puts it on its own scripts, so a script injected into
 * a page (a client name, an error text) never runs.
 *
 * - `style-src 'unsafe-inline'`: React renders `style` attributes and Next.js its own
 *   inline styles (not-found and error pages); CSS cannot run script, and a nonce would
 *   not cover attributes anyway.
 * - `img-src data:`: QR codes and icons may be data: URLs.
 * - `base-uri 'none'`: no page sets a <base>, so an injected one cannot redirect
 *   relative script or form URLs.
 * - `form-action 'self'`: every form posts to this origin. Not on the hosted sign-in
 *   pages (`signInFlow`): a step posted without JavaScript is answered with a redirect to
 *   the provider, which redirects on to the client's redirect_uri on another origin, and
 *   browsers check form-action against every redirect that follows a form submission
 *   (Chromium blocks the last hop). What it would add there is a guard against an
 *   injected <form>; React escapes everything those pages show, and a sign-in that works
 *   without JavaScript matters more.
 * - `frame-ancestors 'none'`: sign-in pages are never framed (clickjacking, RFC 6749 §10.13).
 */
export function pageContentSecurityPolicy(nonce: string, { signInFlow }: { signInFlow: boolean }): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    ...(signInFlow ? [] : ["form-action 'self'"]),
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The request header that hands the nonce to server components (inline scripts of our own). */
export const NONCE_HEADER = 'x-nonce';

/** 128 random bits per response (CSP Level 3 §2.3.1: unguessable, never reused). */
export function newNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString('base64');
}
