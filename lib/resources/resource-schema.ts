import { z } from 'zod';
import { ACCESS_TOKEN_FORMATS, scopeNameSchema } from '@/lib/clients/client-schema';
import { displayText } from '@/lib/text/display-text';

/** Access token lifetimes an API may ask for: a minute to a day (RFC 9700 §2.2.3 wants them short). */
export const MIN_TOKEN_LIFETIME = 60;
export const MAX_TOKEN_LIFETIME = 86_400;

/**
 * A resource indicator (RFC 8707 §2): an absolute URI without a fragment, the `aud` of the
 * API's tokens. Thalamus takes https:// URLs and urn: names only: an http:// identifier
 * invites sending bearer tokens in the clear, and other schemes name nothing a token is for.
 */
export const resourceIdentifierSchema = z
  .string()
  .trim()
  .min(1, 'Enter the identifier, e.g. https://billing.example.com')
  .max(500, 'Use at most 500 characters')
  .superRefine((value, ctx) => {
    const problem = identifierProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

function identifierProblem(value: string): string | undefined {
  if (value.includes('#')) return 'Remove the fragment (#…): a resource identifier has none (RFC 8707 §2)';
  if (/^urn:[a-z0-9][a-z0-9-]{0,31}:\S+$/i.test(value)) return undefined;
  const url = URL.parse(value);
  if (!url || url.protocol !== 'https:' || !url.hostname) return 'Use an absolute https:// URL or a urn: name';
  if (/\s/.test(value)) return 'Remove the spaces';
  return undefined;
}

/** A scope of an API: what a client is granted and a user consents to. */
export const resourceScopeSchema = z.strictObject({
  name: scopeNameSchema,
  description: displayText({ label: 'Description', max: 200, required: 'Describe what the scope allows, in plain words' }),
});

const name = displayText({ label: 'Name', max: 100, required: true });
const description = displayText({ label: 'Description', max: 500, multiline: true });
const accessTokenFormat = z.enum(ACCESS_TOKEN_FORMATS);
const accessTokenLifetime = z
  .number({ error: 'Enter the lifetime in seconds' })
  .int('Use whole seconds')
  .min(MIN_TOKEN_LIFETIME, `Use at least ${MIN_TOKEN_LIFETIME} seconds`)
  .max(MAX_TOKEN_LIFETIME, `Use at most ${MAX_TOKEN_LIFETIME} seconds (a day)`);

/** An API resource, as the console, the admin API and the CLI create it. */
export const resourceSchema = z.strictObject({
  name,
  identifier: resourceIdentifierSchema,
  description: description.default(''),
  access_token_format: accessTokenFormat.default('jwt'),
  access_token_lifetime: accessTokenLifetime.default(3600),
  scopes: z
    .array(resourceScopeSchema)
    .max(100, 'Use at most 100 scopes')
    .superRefine((scopes, ctx) => {
      scopes.forEach((scope, index) => {
        if (scopes.findIndex((other) => other.name === scope.name) !== index) ctx.addIssue({ code: 'custom', path: [index, 'name'], message: `"${scope.name}" is listed twice` });
      });
    })
    .default([]),
});
export type ResourceInput = z.input<typeof resourceSchema>;

/** What may change later: the identifier is the tokens' audience and stays as created. */
export const resourceUpdateSchema = z.strictObject({
  name: name.optional(),
  description: description.optional(),
  access_token_format: accessTokenFormat.optional(),
  access_token_lifetime: accessTokenLifetime.optional(),
});

export const resourceResponseSchema = z.object({
  id: z.string(),
  name: z.string(),
  identifier: z.string(),
  description: z.string(),
  access_token_format: z.enum(ACCESS_TOKEN_FORMATS),
  access_token_lifetime: z.number().int(),
  protected: z.boolean(),
  scopes: z.array(z.object({ name: z.string(), description: z.string() })),
  created_at: z.string(),
  updated_at: z.string(),
});
export type ResourceResponse = z.infer<typeof resourceResponseSchema>;
