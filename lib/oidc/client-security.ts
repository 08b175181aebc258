import type { Client, Configuration, KoaContextWithOIDC } from 'oidc-provider';
import type { ExtraClientMetadata } from '@/lib/clients/extra-client-metadata';

/**
 * The provider's side of a client's security settings (lib/clients/client-security-schema.ts):
 * pushed authorization requests and DPoP for everyone and required per client, refresh-token
 * rotation, per-client token lifetimes and CORS origins. The RFC 9126 and RFC 9449 flags
 * (`require_pushed_authorization_requests`, `dpop_bound_access_tokens`) are client metadata
 * the provider enforces itself; the rest are Thalamus's own, read here.
 */

function extra(client: Client | undefined): ExtraClientMetadata {
  return (client ?? {}) as unknown as ExtraClientMetadata;
}

/**
 * How clients authenticate at the token, introspection, revocation and PAR endpoints: a
 * secret (header or body), an assertion signed with the client's own key (private_key_jwt,
 * RFC 7523 §2.2; keys inline only, see client-security-schema.ts), or none (public clients).
 * Symmetric assertions (client_secret_jwt) are not offered: secrets are stored as digests.
 */
export const CLIENT_AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'private_key_jwt', 'none'] as Configuration['clientAuthMethods'];

/**
 * PAR (RFC 9126) and DPoP (RFC 9449) are open to every client and advertised in discovery
 * (`pushed_authorization_request_endpoint`, `require_pushed_authorization_requests: false`,
 * `dpop_signing_alg_values_supported`); a client's settings make either mandatory for it.
 * A pushed request must use a registered redirect URI, like any other.
 */
export const SECURITY_FEATURES = {
  pushedAuthorizationRequests: { enabled: true, requirePushedAuthorizationRequests: false, allowUnregisteredRedirectUris: false },
  dPoP: { enabled: true },
} satisfies Configuration['features'];

/**
 * RFC 9126 §5: `require_pushed_authorization_requests` is false server-wide (clients may
 * push; only a client's own setting makes it mandatory). The library leaves the false
 * value out; Thalamus states it.
 */
export const SECURITY_DISCOVERY = { require_pushed_authorization_requests: false };

/** DPoP proofs signed with these (RFC 9449 §5.1 `dpop_signing_alg_values_supported`): asymmetric only. */
export const DPOP_SIGNING_ALGS = ['ES256', 'EdDSA', 'RS256', 'PS256'] as const;

/**
 * Refresh tokens are replaced on every use unless the client switched rotation off. A
 * replaced token used again revokes the grant (RFC 9700 §4.14.2), after the client's reuse
 * grace (lib/oidc/adapter.ts).
 */
export function rotateRefreshToken(ctx: KoaContextWithOIDC): boolean {
  return extra(ctx.oidc.client).thalamus_refresh_token_rotation !== false;
}

/**
 * A browser origin may call the provider's CORS endpoints (token, userinfo, revocation,
 * introspection) as a client only when it is one of the client's allowed origins. The
 * library would also allow the origins of redirect URIs; Thalamus asks for them to be
 * listed, so what is allowed is what the client's settings show.
 */
export function clientAllowsOrigin(_ctx: KoaContextWithOIDC, origin: string, client: Client): boolean {
  if (origin === 'null') return false;
  return (extra(client).thalamus_allowed_cors_origins ?? []).includes(origin);
}

type Ttl = NonNullable<Configuration['ttl']>;
type TtlValue = number | ((ctx: KoaContextWithOIDC, token: unknown, client: Client) => number);

function valueOf(base: TtlValue | undefined, fallback: number, ...args: [KoaContextWithOIDC, unknown, Client]): number {
  if (typeof base === 'function') return base(...args);
  return base ?? fallback;
}

const shorter = (a: number, b: number | null | undefined) => (b ? Math.min(a, b) : a);

/**
 * Lifetimes from the client's settings over the server's: an access token lives the
 * client's lifetime, or the API's when that is shorter (an API never gets tokens that
 * outlive what it asked for); an ID token the client's; a refresh token at most its idle
 * lifetime after it was issued and never past its absolute lifetime from the first token
 * of the grant (`iiat`, kept through rotations). The grant outlives its refresh tokens.
 */
export function perClientLifetimes(base: Ttl): Ttl {
  const fn = (name: keyof Ttl) => base[name] as TtlValue | undefined;
  const accessToken = (name: 'AccessToken' | 'ClientCredentials') => (ctx: KoaContextWithOIDC, token: unknown, client: Client) => {
    const own = extra(client).thalamus_access_token_lifetime;
    const server = valueOf(fn(name), 3600, ctx, token, client);
    const api = (token as { resourceServer?: { accessTokenTTL?: number } }).resourceServer?.accessTokenTTL;
    return own ? shorter(own, api) : server;
  };
  return {
    ...base,
    AccessToken: accessToken('AccessToken'),
    ClientCredentials: accessToken('ClientCredentials'),
    IdToken: (ctx, token, client) => extra(client).thalamus_id_token_lifetime ?? valueOf(fn('IdToken'), 3600, ctx, token, client),
    RefreshToken: (ctx, token, client) => {
      const { thalamus_refresh_token_idle_lifetime: idle, thalamus_refresh_token_absolute_lifetime: absolute } = extra(client);
      const server = valueOf(fn('RefreshToken'), 14 * 86_400, ctx, token, client);
      if (!idle && !absolute) return server;
      const age = Math.max(0, Math.floor(Date.now() / 1000) - ((token as { iiat?: number }).iiat ?? Math.floor(Date.now() / 1000)));
      const left = absolute ? Math.max(1, absolute - age) : Infinity;
      return Math.min(idle ?? server, left);
    },
    // A grant made outside a request (the consent page's server action) has no ctx: its
    // client is the one grantMissingConsent (provider-internals.ts) attached to it.
    Grant: (ctx, grant, attached?: Client) => {
      const client = attached ?? ctx?.oidc?.client;
      const server = valueOf(fn('Grant'), 14 * 86_400, ctx, grant, client!);
      const { thalamus_refresh_token_idle_lifetime: idle, thalamus_refresh_token_absolute_lifetime: absolute } = extra(client);
      return Math.max(server, absolute ?? idle ?? 0);
    },
  };
}
