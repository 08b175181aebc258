import { z } from 'zod';
import { GRANT_TYPES, scopeNameSchema, uniqueList } from '@/lib/clients/client-schema';
import { displayText } from '@/lib/text/display-text';

/** clients:* for /api/clients; users:* for /api/users (end users only: a key cannot change administrators). */
export const API_KEY_SCOPES = ['clients:read', 'clients:write', 'users:read', 'users:write'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** Writes per minute a key may make unless it is created with another limit. */
export const DEFAULT_WRITES_PER_MINUTE = 60;

/**
 * A redirect-URI host a key may register: an exact host (`billing.example.com`,
 * `127.0.0.1`) or a suffix pattern (`*.corp.example`) that matches its subdomains,
 * never the bare domain itself.
 */
export const redirectHostPatternSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(253, 'Use at most 253 characters')
  .regex(
    /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/,
    'Use a host name such as billing.example.com, or *.example.com for its subdomains (no scheme, port or path)',
  );

/**
 * Guardrails: what every write made with the key must stay within. Unset (null) means
 * no limit of that kind. Changing them later never rewrites the clients the key already
 * registered; their next write must satisfy the new ones.
 */
export const apiKeyGuardrailsSchema = z.strictObject({
  allowed_grant_types: uniqueList(z.enum(GRANT_TYPES, { error: `Use ${GRANT_TYPES.join(', ')}` }), GRANT_TYPES.length, 'grant types')
    .min(1, 'List at least one grant type, or leave the field out for no limit')
    .nullish(),
  allowed_scopes: uniqueList(scopeNameSchema, 100, 'scopes').min(1, 'List at least one scope, or leave the field out for no limit').nullish(),
  allowed_redirect_hosts: uniqueList(redirectHostPatternSchema, 50, 'hosts').min(1, 'List at least one host, or leave the field out for no limit').nullish(),
  organization_id: z.string().min(1, 'Use an organization ID').max(64, 'Use at most 64 characters').nullish(),
  max_clients: z.number({ error: 'Use a whole number' }).int('Use a whole number').min(0, 'Use 0 or more').max(100_000, 'Use at most 100000').nullish(),
  writes_per_minute: z.number({ error: 'Use a whole number' }).int('Use a whole number').min(1, 'Use at least 1').max(10_000, 'Use at most 10000'),
});
export type ApiKeyGuardrails = z.output<typeof apiKeyGuardrailsSchema>;

/** A new admin API key, as the console, POST /api/api-keys and the CLI submit it. */
export const apiKeyCreateSchema = z.strictObject({
  name: displayText({ label: 'Name', max: 100, required: true }),
  description: displayText({ label: 'Description', max: 500 }).default(''),
  scopes: z
    .array(z.enum(API_KEY_SCOPES, { error: `Use ${API_KEY_SCOPES.join(', ')}` }))
    .min(1, 'Choose at least one scope')
    .refine((scopes) => new Set(scopes).size === scopes.length, 'A scope is listed twice'),
  expires_at: z.iso
    .datetime({ offset: true, error: 'Use an ISO 8601 date and time, e.g. 2027-01-31T00:00:00Z' })
    .refine((value) => new Date(value).getTime() > Date.now(), 'Must be in the future')
    .nullish(),
  ...apiKeyGuardrailsSchema.shape,
  writes_per_minute: apiKeyGuardrailsSchema.shape.writes_per_minute.default(DEFAULT_WRITES_PER_MINUTE),
});
export type ApiKeyCreateInput = z.input<typeof apiKeyCreateSchema>;

/** A change to a key's guardrails (PATCH /api/api-keys/{id}): any subset; null lifts a limit. */
export const apiKeyGuardrailsPatchSchema = apiKeyGuardrailsSchema.partial();
export type ApiKeyGuardrailsPatch = z.input<typeof apiKeyGuardrailsPatchSchema>;

/** What a list shows of a key: never the key, only its hint. */
export const apiKeyResponseSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  scopes: z.array(z.enum(API_KEY_SCOPES)),
  hint: z.string(),
  allowed_grant_types: z.array(z.enum(GRANT_TYPES)).nullable(),
  allowed_scopes: z.array(z.string()).nullable(),
  allowed_redirect_hosts: z.array(z.string()).nullable(),
  organization_id: z.string().nullable(),
  max_clients: z.number().int().nullable(),
  writes_per_minute: z.number().int(),
  created_at: z.iso.datetime(),
  last_used_at: z.iso.datetime().nullable(),
  expires_at: z.iso.datetime().nullable(),
  revoked_at: z.iso.datetime().nullable(),
});
export type ApiKeyResponse = z.infer<typeof apiKeyResponseSchema>;
