import { z } from 'zod';
import { DEVICE_CODE_GRANT, type ClientResponse } from '@/lib/clients/client-schema';
import { redirectUriProblem } from '@/lib/clients/redirect-uri';
import { env, issuer } from '@/lib/config/env';

/**
 * The client metadata of dynamic registration (RFC 7591 §2) translated to and from the
 * one client schema (lib/clients/client-schema.ts), which checks every value: a
 * registration is a client like any other, with the same rules and the same field errors.
 *
 * - RFC 7591 spells two fields its own way: `client_name` (the schema's `name`) and
 *   `scope`, a space-separated string (the schema's `scopes`). Every other registrable
 *   field has the same name in both (redirect_uris, grant_types, token_endpoint_auth_method,
 *   application_type, logo_uri, …, and Thalamus's own such as require_consent).
 * - Metadata Thalamus does not know (client_uri, contacts, software_id, …) is ignored, as
 *   RFC 7591 §2 requires ("MUST ignore any client metadata … that it does not understand").
 * - Defaults are RFC 7591's: grant_types ["authorization_code"], token_endpoint_auth_method
 *   "client_secret_basic"; `scope` left out registers "openid" (§2 lets the server pick).
 * - application_type left out (OpenID Connect Registration's default is web) registers a
 *   native app when the redirect URIs are ones only a native app may use (a loopback http
 *   URI or a private-use scheme, RFC 8252 §7), or for the device grant (RFC 8628): what
 *   MCP clients and CLIs send.
 */
const RENAMED = { client_name: 'name', scope: 'scopes' } as const;
const SAME_NAME = [
  'description',
  'organization_id',
  'client_type',
  'application_type',
  'token_endpoint_auth_method',
  'redirect_uris',
  'post_logout_redirect_uris',
  'grant_types',
  'response_types',
  'require_consent',
  'require_pkce',
  'access_token_format',
  'default_resource',
  'logo_uri',
  'backchannel_logout_uri',
  // RFC 7591 §2 keys (for private_key_jwt), RFC 9126 §6 and RFC 9449 §5.2 client metadata.
  'jwks',
  'jwks_uri',
  'require_pushed_authorization_requests',
  'dpop_bound_access_tokens',
] as const;

/** Input paths of the client schema reported back under their RFC 7591 names. */
export function registrationPath(path: string): string {
  if (path === 'name') return 'client_name';
  if (path === 'scopes' || path.startsWith('scopes[')) return 'scope';
  return path;
}

/** The registration request as the client schema's input (unknown metadata dropped). */
export function toClientInput(metadata: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const key of SAME_NAME) if (metadata[key] !== undefined) input[key] = metadata[key];
  if (metadata.client_name !== undefined) input[RENAMED.client_name] = metadata.client_name;
  input[RENAMED.scope] = typeof metadata.scope === 'string' ? metadata.scope.split(' ').filter(Boolean) : (metadata.scope ?? ['openid']);
  input.grant_types ??= ['authorization_code'];
  input.application_type ??= impliedApplicationType(input);
  return input;
}

function impliedApplicationType(input: Record<string, unknown>): 'web' | 'native' {
  const grants = Array.isArray(input.grant_types) ? input.grant_types : [];
  if (grants.includes(DEVICE_CODE_GRANT)) return 'native';
  const uris = Array.isArray(input.redirect_uris) ? input.redirect_uris.filter((uri): uri is string => typeof uri === 'string') : [];
  const nativeOnly = uris.length > 0 && uris.every((uri) => !redirectUriProblem(uri, 'native')) && uris.some((uri) => redirectUriProblem(uri, 'web'));
  return nativeOnly ? 'native' : 'web';
}

/** Where a registered client reads, changes and deletes its registration (RFC 7592 §1). */
export function registrationClientUri(clientId: string): string {
  return `${issuer()}/oauth/register/${encodeURIComponent(clientId)}`;
}

/** The client information response (RFC 7591 §3.2.1, RFC 7592 §3), in RFC 7591's names. */
export const registrationResponseSchema = z.object({
  client_id: z.string(),
  client_id_issued_at: z.number().int(),
  client_secret: z.string().optional(),
  client_secret_expires_at: z.literal(0).optional(),
  registration_access_token: z.string(),
  registration_client_uri: z.string(),
  client_name: z.string(),
  description: z.string(),
  organization_id: z.string(),
  application_type: z.string(),
  token_endpoint_auth_method: z.string(),
  redirect_uris: z.array(z.string()),
  post_logout_redirect_uris: z.array(z.string()),
  grant_types: z.array(z.string()),
  response_types: z.array(z.string()),
  scope: z.string(),
  require_consent: z.boolean(),
  require_pkce: z.boolean(),
  access_token_format: z.string(),
  default_resource: z.string().nullable(),
  logo_uri: z.string().optional(),
  backchannel_logout_uri: z.string().optional(),
  jwks: z.object({ keys: z.array(z.record(z.string(), z.unknown())) }).optional(),
  jwks_uri: z.string().optional(),
  require_pushed_authorization_requests: z.boolean(),
  dpop_bound_access_tokens: z.boolean(),
});
export type RegistrationResponse = z.infer<typeof registrationResponseSchema>;

/**
 * A client as its registration describes it. `secret` is there only in the answer to the
 * registration itself; `registrationAccessToken` is the one just issued or the one the
 * caller presented (RFC 7592 §3: the response carries the token that stays valid).
 */
export function toRegistrationResponse(client: ClientResponse, registrationAccessToken: string, secret?: string): RegistrationResponse {
  return registrationResponseSchema.parse({
    client_id: client.client_id,
    client_id_issued_at: Math.floor(new Date(client.created_at).getTime() / 1000),
    ...(secret ? { client_secret: secret, client_secret_expires_at: 0 } : {}),
    registration_access_token: registrationAccessToken,
    registration_client_uri: registrationClientUri(client.client_id),
    client_name: client.name,
    description: client.description,
    organization_id: client.organization_id,
    application_type: client.application_type,
    token_endpoint_auth_method: client.token_endpoint_auth_method,
    redirect_uris: client.redirect_uris,
    post_logout_redirect_uris: client.post_logout_redirect_uris,
    grant_types: client.grant_types,
    response_types: client.response_types,
    scope: client.scopes.join(' '),
    require_consent: client.require_consent,
    require_pkce: client.require_pkce,
    access_token_format: client.access_token_format,
    default_resource: client.default_resource,
    ...(client.logo_uri ? { logo_uri: client.logo_uri } : {}),
    ...(client.backchannel_logout_uri ? { backchannel_logout_uri: client.backchannel_logout_uri } : {}),
    ...(client.jwks ? { jwks: client.jwks } : {}),
    ...(client.jwks_uri ? { jwks_uri: client.jwks_uri } : {}),
    require_pushed_authorization_requests: client.require_pushed_authorization_requests,
    dpop_bound_access_tokens: client.dpop_bound_access_tokens,
  });
}

/**
 * What discovery adds for dynamic registration (RFC 8414 §2 `registration_endpoint`):
 * nothing while DYNAMIC_REGISTRATION is off, so the metadata names only what is served.
 */
export function registrationDiscovery(): { registration_endpoint?: string } {
  return env().DYNAMIC_REGISTRATION === 'on' ? { registration_endpoint: `${issuer()}/oauth/register` } : {};
}
