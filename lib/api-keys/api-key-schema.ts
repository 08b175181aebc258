import { z } from 'zod';

export const API_KEY_SCOPES = ['clients:read', 'clients:write'] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

/** A new admin API key, as the console, POST /api/api-keys and the CLI submit it. */
export const apiKeyCreateSchema = z.strictObject({
  name: z.string().trim().min(1, 'Name is required').max(100, 'Use at most 100 characters'),
  description: z.string().trim().max(500, 'Use at most 500 characters').default(''),
  scopes: z
    .array(z.enum(API_KEY_SCOPES, { error: `Use ${API_KEY_SCOPES.join(' or ')}` }))
    .min(1, 'Choose at least one scope')
    .refine((scopes) => new Set(scopes).size === scopes.length, 'A scope is listed twice'),
  expires_at: z.iso
    .datetime({ offset: true, error: 'Use an ISO 8601 date and time, e.g. 2027-01-31T00:00:00Z' })
    .refine((value) => new Date(value).getTime() > Date.now(), 'Must be in the future')
    .nullish(),
});
export type ApiKeyCreateInput = z.input<typeof apiKeyCreateSchema>;

/** What a list shows of a key: never the key, only its hint. */
export const apiKeyResponseSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  scopes: z.array(z.enum(API_KEY_SCOPES)),
  hint: z.string(),
  created_at: z.iso.datetime(),
  last_used_at: z.iso.datetime().nullable(),
  expires_at: z.iso.datetime().nullable(),
  revoked_at: z.iso.datetime().nullable(),
});
export type ApiKeyResponse = z.infer<typeof apiKeyResponseSchema>;
