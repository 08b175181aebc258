import type { OAuthClient } from '@/lib/db/generated/sqlite/client';
import { parseList, toJsonList } from '@/lib/db/json-list';
import { clientFieldsSchema, responseTypesFor, type ClientFields, type ClientResponse } from './client-schema';

// The one mapping between a client's fields (clientFieldsSchema, RFC 7591 names) and its
// row in the clients table. Create, update and setup write `toRow`; the API response and
// the provider's metadata start from `fromRow`. A new client field is mapped here once.

/** Stored fields of a client, parsed by the schema; a stored client always has an organization. */
export type StoredClientFields = ClientFields & { organization_id: string };

/** The columns a client's fields are stored in (ownership, state and timestamps are the writer's). */
export function toRow(fields: StoredClientFields) {
  return {
    name: fields.name,
    description: fields.description,
    organizationId: fields.organization_id,
    clientType: fields.client_type,
    applicationType: fields.application_type,
    tokenEndpointAuthMethod: fields.token_endpoint_auth_method,
    redirectUris: toJsonList(fields.redirect_uris),
    postLogoutRedirectUris: toJsonList(fields.post_logout_redirect_uris),
    grantTypes: toJsonList(fields.grant_types),
    responseTypes: toJsonList(responseTypesFor(fields.grant_types, fields.response_types)),
    scopes: toJsonList(fields.scopes),
    requireConsent: fields.require_consent,
    requirePkce: fields.require_pkce,
    accessTokenFormat: fields.access_token_format,
    defaultResource: fields.default_resource || null,
    logoUri: fields.logo_uri ?? null,
    // Security settings (client-security-schema.ts)
    jwks: fields.jwks ? JSON.stringify(fields.jwks) : null,
    jwksUri: fields.jwks_uri || null,
    requirePar: fields.require_pushed_authorization_requests,
    requireDpop: fields.dpop_bound_access_tokens,
    refreshTokenRotation: fields.refresh_token_rotation,
    refreshTokenReuseGrace: fields.refresh_token_reuse_grace,
    accessTokenLifetime: fields.access_token_lifetime ?? null,
    idTokenLifetime: fields.id_token_lifetime ?? null,
    refreshTokenIdleLifetime: fields.refresh_token_idle_lifetime ?? null,
    refreshTokenAbsoluteLifetime: fields.refresh_token_absolute_lifetime ?? null,
    allowedCorsOrigins: toJsonList(fields.allowed_cors_origins),
    backchannelLogoutUri: fields.backchannel_logout_uri || null,
  };
}

/**
 * A stored client under the schema's names, lists parsed. Values are as stored (strings
 * where the schema has enums): clientResponseSchema checks them on the way out.
 */
export function fromRow(row: OAuthClient) {
  return {
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
    default_resource: row.defaultResource,
    logo_uri: row.logoUri,
    // Security settings (client-security-schema.ts)
    jwks: row.jwks ? (JSON.parse(row.jwks) as { keys: Record<string, unknown>[] }) : null,
    jwks_uri: row.jwksUri,
    require_pushed_authorization_requests: row.requirePar,
    dpop_bound_access_tokens: row.requireDpop,
    refresh_token_rotation: row.refreshTokenRotation,
    refresh_token_reuse_grace: row.refreshTokenReuseGrace,
    access_token_lifetime: row.accessTokenLifetime,
    id_token_lifetime: row.idTokenLifetime,
    refresh_token_idle_lifetime: row.refreshTokenIdleLifetime,
    refresh_token_absolute_lifetime: row.refreshTokenAbsoluteLifetime,
    allowed_cors_origins: parseList(row.allowedCorsOrigins),
    backchannel_logout_uri: row.backchannelLogoutUri,
    enabled: row.enabled,
    is_default: row.isDefault,
    owner_api_key_id: row.ownerApiKeyId,
    registered_by: row.registeredBy,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
  };
}

const FIELD_NAMES = clientFieldsSchema.keyof().options;

/** The registrable fields of a client as the API reads it back: the base a change is merged into. */
export function fieldsOf(client: ClientResponse): Partial<Record<keyof ClientFields, unknown>> {
  return Object.fromEntries(FIELD_NAMES.map((name) => [name, client[name]]));
}
