import { log } from '@/lib/log/logger';
import { hostedPage } from '@/lib/oidc/hosted-page';
import { apiError } from './api-error';

/** Whether every percent-escape of the path decodes, and to UTF-8 (RFC 3986 §2.1, §2.5). */
function decodes(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

/**
 * The answer to a path that does not decode (`/api/clients/%ff`): bad input, so 400 in
 * the caller's language (the admin API's error object, or the hosted error page) and one
 * log line. Left to Next.js, matching such a path to a dynamic route fails with a 500.
 * Null when the path is fine.
 */
export function malformedPathResponse(request: Request): Response | null {
  const { pathname } = new URL(request.url);
  if (decodes(pathname)) return null;
  log.warn('request path is not valid percent-encoding', { method: request.method, path: pathname.slice(0, 200), status: 400 });
  if (pathname.startsWith('/api/')) return apiError(400, 'invalid_request', 'The path is not valid percent-encoding (RFC 3986 §2.1)');
  const page = hostedPage(
    'Bad request',
    `<div role="alert"><h1>This address is not valid</h1>
<p>The link is damaged: part of it cannot be read. Return to the application and start again.</p></div>`,
  );
  return new Response(page, {
    status: 400,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'",
    },
  });
}
