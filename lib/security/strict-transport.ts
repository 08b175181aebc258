import { issuer } from '@/lib/config/env';
import { requestProtocol } from '@/lib/http/client-address';

/**
 * HTTP Strict Transport Security (RFC 6797): a browser that has seen this over TLS uses
 * https for this host for the next two years, so a later http:// link or a stripped
 * redirect cannot expose the sign-in page or the session cookies (§2.3.1).
 *
 * No `includeSubDomains` (§6.1.2): the issuer may be a bare domain (https://example.com)
 * whose other subdomains Thalamus knows nothing about, and forcing every one of them to
 * https is the operator's decision, made in the TLS proxy in front; nor `preload`, for
 * the same reason. next.config.mjs sends the same value on the responses the proxy does
 * not see.
 */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000';

/**
 * Whether the browser reached Thalamus over TLS: APP_URL is https, or the TLS proxy says
 * so with X-Forwarded-Proto, read as the provider reads it (lib/http/client-address.ts).
 * A forged X-Forwarded-Proto on plain http costs nothing: browsers ignore the header on
 * an insecure connection (§8.1).
 */
export function reachedOverTls(request: Request): boolean {
  return issuer().startsWith('https:') || requestProtocol(request) === 'https';
}
