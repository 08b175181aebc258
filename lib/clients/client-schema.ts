import { z } from 'zod';
import { redirectUriProblem } from './redirect-uri';
import { displayText } from '@/lib/text/display-text';
import { checkSecurityRules, clientSecurityFields, clientSecurityResponseFields } from './client-security-schema';
import { backchannelLogoutUriSchema } from '@/lib/backchannel-logout/backchannel-logout-uri';

/**
 * The one definition of an OAuth client's registrable metadata (RFC 7591 §2 names),
 * used by the console form, the server actions, the admin API, the CLI and the
 * provider adapter alike. Variants derive from it.
 */
/** The device authorization grant's grant type (RFC 8628 §3.4): sign-in on a second screen. */
export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
export const GRANT_TYPES = ['authorization_code', 'client_credentials', 'refresh_token', DEVICE_CODE_GRANT] as const;
export type GrantType = (typeof GRANT_TYPES)[number];

/** Shown in the console, disabled: removed by the OAuth 2.0 Security BCP (RFC 9700 §2.4, §2.1.2). */
export const RETIRED_GRANT_TYPES = ['password', 'implicit'] as const;

export const TOKEN_ENDPOINT_AUTH_METHODS = ['client_secret_basic', 'client_secret_post', 'private_key_jwt', 'none'] as const;
export type TokenEndpointAuthMethod = (typeof TOKEN_ENDPOINT_AUTH_METHODS)[number];

/** Methods that authenticate with a client secret; private_key_jwt signs with the client's own key (RFC 7523 §2.2). */
export function usesClientSecret(method: string): boolean {
  return method === 'client_secret_basic' || method === 'client_secret_post';
}

export const APPLICATION_TYPES = ['web', 'native'] as const;
export const CLIENT_TYPES = ['custom', 'sync_connector'] as const;
export const ACCESS_TOKEN_FORMATS = ['jwt', 'opaque'] as const;

export const MAX_CLIENT_NAME = 100;
const MAX_URIS = 20;
const MAX_SCOPES = 50;

export const scopeNameSchema = z
  .string()
  .min(1, 'Enter a scope name')
  .max(64, 'Use at most 64 characters')
  // RFC 6749 §3.3: scope tokens are printable ASCII without space, " or \
  .regex(/^[\x21\x23-\x5B\x5D-\x7E]+$/, 'Use letters, digits and : . _ - / without spaces');

export function uniqueList<T extends z.ZodType<string>>(item: T, max: number, label: string) {
  return z
    .array(item)
    .max(max, `Use at most ${max} ${label}`)
    .superRefine((values, ctx) => {
      values.forEach((value, index) => {
        if (values.indexOf(value) !== index) ctx.addIssue({ code: 'custom', path: [index], message: `"${value}" is listed twice` });
      });
    });
}

/**
 * A client ID as Thalamus makes them (20 random characters) or as the default clients
 * have them (`thalamus_admin_client`): RFC 6749 §2.2 leaves the form to the server, and
 * these characters need no escaping in a URL, a Basic header (RFC 6749 §2.3.1) or a log.
 */
export const clientIdSchema = z
  .string({ error: 'Use a string' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/, 'Use 3 to 64 letters, digits, ".", "_" and "-", starting with a letter or digit');

const uriString = z.string().min(1, 'Enter a URI').max(2000, 'Use at most 2000 characters');

export const clientFieldsSchema = z.strictObject({
  name: displayText({ label: 'Client Name', max: MAX_CLIENT_NAME, required: true }),
  description: displayText({ label: 'Description', max: 500, multiline: true }).default(''),
  organization_id: z.string().min(1).max(64).optional(),
  client_type: z.enum(CLIENT_TYPES).default('custom').meta({
    description:
      "sync_connector is a preset, the same as the console's Sync Connector Client: name the client and it gets the client_credentials grant and the directory:read and directory:write scopes, a confidential web client without redirect URIs. Fields sent with other values than the preset are refused (400 naming them).",
  }),
  application_type: z.enum(APPLICATION_TYPES).default('web'),
  token_endpoint_auth_method: z.enum(TOKEN_ENDPOINT_AUTH_METHODS).default('client_secret_basic'),
  redirect_uris: uniqueList(uriString, MAX_URIS, 'redirect URIs').default([]),
  post_logout_redirect_uris: uniqueList(uriString, MAX_URIS, 'sign-out redirect URIs').default([]),
  grant_types: uniqueList(
    z.enum(GRANT_TYPES, {
      error: (issue) =>
        (RETIRED_GRANT_TYPES as readonly unknown[]).includes(issue.input)
          ? `${String(issue.input)} is not offered: the OAuth 2.0 Security Best Current Practice (RFC 9700) removed it`
          : `Unknown grant type; use ${GRANT_TYPES.join(', ')}`,
    }),
    GRANT_TYPES.length,
    'grant types',
  ).min(1, 'Select at least one grant type'),
  response_types: uniqueList(z.enum(['code'], { error: 'Only the "code" response type is offered' }), 1, 'response types').optional(),
  scopes: uniqueList(scopeNameSchema, MAX_SCOPES, 'scopes').min(1, 'Add at least one scope'),
  require_consent: z.boolean().default(false),
  require_pkce: z.boolean().default(true),
  access_token_format: z.enum(ACCESS_TOKEN_FORMATS).default('jwt'),
  /** The API (its identifier) a request without `resource` gets an access token for (RFC 8707 §2). */
  default_resource: z.string().trim().max(500, 'Use at most 500 characters').nullish(),
  logo_uri: z
    .url({ protocol: /^https$/, error: 'Use an https URL' })
    .max(2000)
    .nullish(),
  // The "Security" section (client-security-schema.ts).
  ...clientSecurityFields,
  /** Where logout tokens go when a user's session ends (OIDC Back-Channel Logout 1.0 §2.2). */
  backchannel_logout_uri: backchannelLogoutUriSchema.nullish(),
});

export type ClientFields = z.output<typeof clientFieldsSchema>;

/**
 * The response types a client registers: `code` exactly when it has the Authorization Code
 * grant (the only interactive flow offered), unless it named them itself.
 */
export function responseTypesFor(grantTypes: readonly GrantType[], requested?: 'code'[]): 'code'[] {
  return requested ?? (grantTypes.includes('authorization_code') ? ['code'] : []);
}

/** Rules that involve several fields; reported against the field to fix. */
export function checkClientRules(client: ClientFields, ctx: z.RefinementCtx) {
  checkRedirectUriPolicy(client, ctx);
  checkFieldCombinations(client, ctx);
  checkSecurityRules(client, ctx);
}

/** Each redirect URI against the policy for the client's application type (redirect-uri.ts). */
export function checkRedirectUriPolicy(client: ClientFields, ctx: z.RefinementCtx) {
  for (const { path, message } of redirectUriIssues(client)) ctx.addIssue({ code: 'custom', path, message });
}

const URI_LISTS = [
  ['redirect_uris', 'Redirect URI'],
  ['post_logout_redirect_uris', 'Sign-out redirect URI'],
] as const;

/** The redirect URIs (and sign-out redirect URIs) the policy refuses, each with its position and the message saving gives. */
export function redirectUriIssues(
  client: Pick<ClientFields, 'application_type'> & Partial<Pick<ClientFields, 'redirect_uris' | 'post_logout_redirect_uris'>>,
): { path: [string, number]; message: string }[] {
  return URI_LISTS.flatMap(([field, label]) =>
    (client[field] ?? []).flatMap((uri, index) => {
      const problem = redirectUriProblem(uri, client.application_type);
      return problem ? [{ path: [field, index] as [string, number], message: `${label} ${problem}` }] : [];
    }),
  );
}

/**
 * What saving would say about one more entry of a list field: the entry's own rules,
 * a repeat, or a full list. Undefined when the entry would be accepted.
 */
function entryProblem(list: z.ZodType, entries: readonly string[], entry: string): string | undefined {
  const checked = list.safeParse([...entries, entry]);
  if (checked.success) return undefined;
  return checked.error.issues.find((issue) => issue.path[0] === entries.length || (issue.path.length === 0 && issue.code === 'too_big'))?.message;
}

/**
 * A redirect URI about to be added to a client, checked as saving checks it, with the
 * client's current application type: the console form refuses it at "Add" with the
 * message the server would give after "Create Client".
 */
export function redirectUriEntryProblem(uri: string, client: Pick<ClientFields, 'application_type' | 'redirect_uris'>): string | undefined {
  return (
    entryProblem(clientFieldsSchema.shape.redirect_uris, client.redirect_uris, uri) ??
    redirectUriIssues({ application_type: client.application_type, redirect_uris: [uri] })[0]?.message
  );
}

/** A scope name about to be added to a client's scopes, checked as saving checks it (whether the registry knows it is the server's question). */
export function scopeEntryProblem(scope: string, scopes: readonly string[]): string | undefined {
  return entryProblem(clientFieldsSchema.shape.scopes, scopes, scope);
}

/** Grants, client authentication, PKCE and response types that only make sense together. */
export function checkFieldCombinations(client: ClientFields, ctx: z.RefinementCtx) {
  const grants = new Set(client.grant_types);
  const isPublic = client.token_endpoint_auth_method === 'none';
  if (grants.has('authorization_code') && client.redirect_uris.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['redirect_uris'], message: 'Add at least one redirect URI for the Authorization Code grant' });
  }
  if (!grants.has('authorization_code') && client.redirect_uris.length > 0) {
    ctx.addIssue({ code: 'custom', path: ['redirect_uris'], message: 'Redirect URIs are used only with the Authorization Code grant' });
  }
  if (grants.has('refresh_token') && !grants.has('authorization_code') && !grants.has(DEVICE_CODE_GRANT)) {
    ctx.addIssue({ code: 'custom', path: ['grant_types'], message: 'Refresh Token needs the Authorization Code or Device Code grant' });
  }
  checkDeviceCodeGrant(client, ctx);
  if (isPublic && grants.has('client_credentials')) {
    ctx.addIssue({ code: 'custom', path: ['grant_types'], message: 'Client Credentials needs a confidential client (one with a secret)' });
  }
  if (isPublic && !client.require_pkce) {
    ctx.addIssue({ code: 'custom', path: ['require_pkce'], message: 'Public clients must use PKCE (RFC 9700 §2.1.1)' });
  }
  if (client.response_types?.length && !grants.has('authorization_code')) {
    ctx.addIssue({ code: 'custom', path: ['response_types'], message: 'The code response type needs the Authorization Code grant' });
  }
}

/**
 * RFC 8628 §1: the device grant is for apps on a device without a browser or keyboard to
 * speak of (a TV, a CLI): a native application. A web app has a browser to redirect.
 */
function checkDeviceCodeGrant(client: ClientFields, ctx: z.RefinementCtx) {
  if (client.grant_types.includes(DEVICE_CODE_GRANT) && client.application_type !== 'native') {
    ctx.addIssue({ code: 'custom', path: ['grant_types'], message: 'Device Code is for native applications (RFC 8628): set application_type to native' });
  }
}

/** A new client, as the console form, POST /api/clients and the CLI submit it. */
export const clientCreateSchema = clientFieldsSchema.superRefine(checkClientRules);
export type ClientCreateInput = z.input<typeof clientCreateSchema>;

/** A change: any subset of the fields, checked together with the stored client (see update-client). */
export const clientPatchSchema = clientFieldsSchema
  .partial()
  .omit({ client_type: true })
  .extend({ enabled: z.boolean({ error: 'Use true or false' }).optional() });
export type ClientPatchInput = z.input<typeof clientPatchSchema>;

/** What the API and the console read back. Never a secret: only its hint. */
export const clientResponseSchema = z.object({
  client_id: z.string(),
  name: z.string(),
  description: z.string(),
  organization_id: z.string(),
  client_type: z.enum(CLIENT_TYPES),
  application_type: z.enum(APPLICATION_TYPES),
  token_endpoint_auth_method: z.enum(TOKEN_ENDPOINT_AUTH_METHODS),
  redirect_uris: z.array(z.string()),
  post_logout_redirect_uris: z.array(z.string()),
  grant_types: z.array(z.enum(GRANT_TYPES)),
  response_types: z.array(z.literal('code')),
  scopes: z.array(z.string()),
  require_consent: z.boolean(),
  require_pkce: z.boolean(),
  access_token_format: z.enum(ACCESS_TOKEN_FORMATS),
  default_resource: z.string().nullable(),
  logo_uri: z.string().nullable(),
  ...clientSecurityResponseFields,
  backchannel_logout_uri: z.string().nullable(),
  enabled: z.boolean(),
  is_default: z.boolean(),
  /** The admin API key that registered the client and manages it; null for console and CLI clients. */
  owner_api_key_id: z.string().nullable(),
  /** Who registered the client: "API key billing · thak_…g6Fc", "console: ada@example.com", "CLI". */
  registered_by: z.string(),
  /** Hints of the secrets that work now (a rotation may leave the previous one working for a while). */
  client_secret_hints: z.array(z.string()),
  /** The same secrets with when each stops working (null: until the next rotation) and when a client last authenticated with it. */
  client_secrets: z.array(z.object({ hint: z.string(), expires_at: z.iso.datetime().nullable(), last_used_at: z.iso.datetime().nullable() })),
  /** When the client last obtained a token (recorded at most once a minute); null: never. */
  last_used_at: z.iso.datetime().nullable(),
  created_at: z.iso.datetime(),
  updated_at: z.iso.datetime(),
});
export type ClientResponse = z.infer<typeof clientResponseSchema>;

/**
 * A client as registration and secret rotation answer it: the client's fields at the top
 * level and, for a confidential client, its new secret beside them (RFC 7591 §3.2.1).
 * The plaintext exists only in this answer; `client_secret_expires_at` 0 means it does not
 * expire by itself (it works until a rotation ends it).
 */
export const registeredClientSchema = clientResponseSchema.extend({
  client_secret: z.string().optional().describe('Confidential clients only; shown this once'),
  client_secret_expires_at: z.literal(0).optional().describe('Present with client_secret: 0, the secret does not expire by itself (RFC 7591 §3.2.1)'),
});
export type RegisteredClient = z.infer<typeof registeredClientSchema>;

/** The client and its show-once secret apart, so the secret is held only where it is shown. */
export function splitSecret({ client_secret, client_secret_expires_at: _expiry, ...client }: RegisteredClient): { client: ClientResponse; secret?: string } {
  return { client, secret: client_secret };
}

/** Longest a replaced secret may keep working after a rotation: 30 days. */
export const MAX_SECRET_OVERLAP_SECONDS = 30 * 24 * 60 * 60;

/**
 * A secret rotation: how long the current secret keeps working beside the new one, so a
 * deployment can switch over without a window in which neither works. 0 (the default)
 * ends it at once: the right answer to a leaked secret.
 */
export const clientSecretRotationSchema = z.strictObject({
  previous_secret_expires_in: z
    .number({ error: 'Use a number of seconds' })
    .int('Use a whole number of seconds')
    .min(0, 'Use 0 or more seconds')
    .max(MAX_SECRET_OVERLAP_SECONDS, `Use at most ${MAX_SECRET_OVERLAP_SECONDS} seconds (30 days)`)
    .default(0),
});
export type ClientSecretRotationInput = z.input<typeof clientSecretRotationSchema>;
