import { clientResponseSchema, type ClientResponse } from './client-schema';
import { parseList } from './provider-metadata';
import type { OAuthClient } from '@/lib/db/generated/sqlite/client';

export type ClientWithSecretHints = OAuthClient & { secrets: { hint: string }[] };

/** The stored client as the API and the console read it, parsed so nothing else slips out. */
export function toClientResponse(row: ClientWithSecretHints): ClientResponse {
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
    client_secret_hints: row.secrets.map((s) => s.hint),
    created_at: row.createdAt.toISOString(),
    updated_at: row.updatedAt.toISOString(),
  });
}
