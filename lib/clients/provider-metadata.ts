import type { OAuthClient } from '@/lib/db/generated/sqlite/client';
import { BUILTIN_SCOPES } from '@/lib/scopes/builtin-scopes';

/**
 * The scopes the provider is configured with (lib/oidc/configuration.ts). oidc-provider
 * refuses a client whose `scope` names any other (invalid_client_metadata on every
 * request), so a custom registry scope on a client must not reach it: the client keeps
 * signing users in, and the custom scope is simply not granted until the provider serves
 * registry scopes.
 */
const PROVIDER_SCOPES = new Set<string>(BUILTIN_SCOPES.map((s) => s.name));

export type ClientRow = OAuthClient & { secrets: { digest: string; expiresAt: Date | null }[] };

/**
 * The client as oidc-provider sees it (RFC 7591 §2 metadata). Thalamus never hands the
 * provider a secret: `client_secret` carries a placeholder and the digests, each with
 * when it stops working, ride in `thalamus_secrets`, which the overridden
 * `compareClientSecret` checks (liveSecretDigests).
 * Symmetric (HS*) algorithms are disabled, so the placeholder is never used as a key.
 */
export function toProviderMetadata(row: ClientRow, now = new Date()) {
  const confidential = row.tokenEndpointAuthMethod !== 'none';
  const secrets = row.secrets.filter((s) => !s.expiresAt || s.expiresAt > now).map((s) => ({ digest: s.digest, ends_at: s.expiresAt?.getTime() ?? null }));
  return {
    client_id: row.clientId,
    client_name: row.name,
    ...(confidential ? { client_secret: `digest-only:${row.clientId}` } : {}),
    application_type: row.applicationType,
    token_endpoint_auth_method: row.tokenEndpointAuthMethod,
    grant_types: parseList(row.grantTypes),
    response_types: parseList(row.responseTypes),
    redirect_uris: parseList(row.redirectUris),
    post_logout_redirect_uris: parseList(row.postLogoutRedirectUris),
    scope: parseList(row.scopes).filter((scope) => PROVIDER_SCOPES.has(scope)).join(' '),
    id_token_signed_response_alg: 'ES256',
    ...(row.logoUri ? { logo_uri: row.logoUri } : {}),
    thalamus_require_consent: row.requireConsent,
    thalamus_require_pkce: row.requirePkce,
    thalamus_access_token_format: row.accessTokenFormat,
    thalamus_secrets: secrets,
    thalamus_first_party: row.isDefault,
  };
}

export function parseList(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
