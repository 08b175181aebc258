import { clientResponseSchema, type ClientResponse } from './client-schema';
import { parseList } from './provider-metadata';
import type { OAuthClient } from '@/lib/db/generated/sqlite/client';

export type ClientWithSecretHints = OAuthClient & { secrets: { hint: string; expiresAt: Date | null }[] };

/** What toClientResponse needs of a client's secrets (`include` of a client query). */
export const SECRET_HINTS = { secrets: { select: { hint: true, expiresAt: true }, orderBy: { createdAt: 'desc' } } } as const;

/** The stored client as the API and the console read it, parsed so nothing else slips out. */
export function toClientResponse(row: ClientWithSecretHints): ClientResponse {
  const now = new Date();
  // Newest first; a secret past its end (kept until the next rotation deletes it) is not shown.
  const live = row.secrets.filter((s) => !s.expiresAt || s.expiresAt > now);
  return clientResponseSchema.parse({
    client_id: row.clientId,
    name: row.name,
    description: row.description,
    organization_id: row.organizationId,
    client_type: row.clientType,
    application_type: row.applicationType,
    token_endpoint_auth_method: row.tokenEndpointAuthMethod,
    redirect_uris: parseList(row.redirectUris),
    post_logout_redirect_uris: parseList(row.postLogoutRedirectUris),
    grant_types: parseList(row.grantTypes),
    response_types: parseList(row.responseTypes),
    scopes: parseList(row.scopes),
    require_consent: row.requireConsent,
    require_pkce: row.requirePkce,
    access_token_format: row.accessTokenFormat,
    logo_uri: row.logoUri,
    enabled: row.enabled,
    is_default: row.isDefault,
    owner_api_key_id: row.ownerApiKeyId,
    registered_by: row.registeredBy,
    client_secret_hints: live.map((s) => s.hint),
    client_secrets: live.map((s) => ({ hint: s.hint, expires_at: s.expiresAt?.toISOString() ?? null })),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  });
}
