import { env } from '@/lib/config/env';

/**
 * The provider's outgoing requests (a client's jwks_uri, the only one Thalamus enables).
 * oidc-provider refuses to connect to loopback, private and other special-use addresses
 * (its SSRF guard: an `undici` dispatcher checking the address actually connected to);
 * JWKS_URI_ALLOW_PRIVATE=true lifts that, for tests and closed networks where the key
 * server is internal. The host itself must still be in JWKS_URI_ALLOWED_HOSTS.
 */
export function outboundFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
  if (!env().JWKS_URI_ALLOW_PRIVATE || !init) return fetch(input, init);
  // `dispatcher` is undici's extension of RequestInit: the guard the library attached.
  const { dispatcher: _guard, ...unguarded } = init as RequestInit & { dispatcher?: unknown };
  return fetch(input, unguarded);
}
