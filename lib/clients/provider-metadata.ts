import type { OAuthClient } from '@/lib/db/generated/sqlite/client';
import { BUILTIN_SCOPES } from '@/lib/scopes/builtin-scopes';
import { fromRow } from './client-record';
import type { ExtraClientMetadata } from './extra-client-metadata';
import { usesClientSecret } from './client-schema';

/**
 * The scopes the provider is configured with (lib/oidc/configuration.ts: the registry,
 * read by lib/resources/resource-registry.ts). oidc-provider refuses a client whose `scope`
 * names any other (invalid_client_metadata on every request), so a scope the provider does
 * not serve yet (a change still on its way from another instance) must not reach it: the
 * client keeps working, without that scope, until it does.
 */
const BUILTIN_SCOPE_NAMES: ReadonlySet<string> = new Set<string>(BUILTIN_SCOPES.map((s) => s.name));

export type ClientRow = OAuthClient & { secrets: { digest: string; expiresAt: Date | null }[] };

/**
 * The client as oidc-provider sees it (RFC 7591 §2 metadata). Thalamus never hands the
 * provider a secret: `client_secret` carries a placeholder and the digests, each with
 * when it stops working, ride in `thalamus_secrets`, which the overridden
 * `compareClientSecret` checks (liveSecretDigests).
 * Symmetric (HS*) algorithms are disabled, so the placeholder is never used as a key.
 */
export function toProviderMetadata(row: ClientRow, now = new Date(), providerScopes: ReadonlySet<string> = BUILTIN_SCOPE_NAMES) {
  const client = fromRow(row);
  const confidential = usesClientSecret(client.token_endpoint_auth_method);
  const secrets = row.secrets.filter((s) => !s.expiresAt || s.expiresAt > now).map((s) => ({ digest: s.digest, ends_at: s.expiresAt?.getTime() ?? null }));
  const extra = {
    thalamus_require_consent: client.require_consent,
    thalamus_require_pkce: client.require_pkce,
    // Stored as text; the provider's validator checks it (extra-client-metadata.ts).
    thalamus_access_token_format: client.access_token_format as NonNullable<ExtraClientMetadata['thalamus_access_token_format']>,
    thalamus_secrets: secrets,
    thalamus_default_resource: client.default_resource,
    thalamus_first_party: client.is_default,
    thalamus_refresh_token_rotation: client.refresh_token_rotation,
    thalamus_refresh_token_reuse_grace: client.refresh_token_reuse_grace,
    thalamus_access_token_lifetime: client.access_token_lifetime,
    thalamus_id_token_lifetime: client.id_token_lifetime,
    thalamus_refresh_token_idle_lifetime: client.refresh_token_idle_lifetime,
    thalamus_refresh_token_absolute_lifetime: client.refresh_token_absolute_lifetime,
    thalamus_allowed_cors_origins: client.allowed_cors_origins,
    thalamus_backchannel_logout: !!client.backchannel_logout_uri,
  } satisfies Required<ExtraClientMetadata>;
  return {
    client_id: client.client_id,
    client_name: client.name,
    ...(confidential ? { client_secret: `digest-only:${client.client_id}` } : {}),
    application_type: client.application_type,
    token_endpoint_auth_method: client.token_endpoint_auth_method,
    grant_types: client.grant_types,
    response_types: client.response_types,
    redirect_uris: client.redirect_uris,
    post_logout_redirect_uris: client.post_logout_redirect_uris,
    scope: client.scopes.filter((scope) => providerScopes.has(scope)).join(' '),
    id_token_signed_response_alg: 'ES256',
    ...(client.logo_uri ? { logo_uri: client.logo_uri } : {}),
    // RFC 7591 §2 / RFC 9126 §6 / RFC 9449 §5.2 names the provider enforces itself.
    ...(client.jwks ? { jwks: client.jwks } : {}),
    ...(client.jwks_uri ? { jwks_uri: client.jwks_uri } : {}),
    require_pushed_authorization_requests: client.require_pushed_authorization_requests,
    dpop_bound_access_tokens: client.dpop_bound_access_tokens,
    ...extra,
  };
}
