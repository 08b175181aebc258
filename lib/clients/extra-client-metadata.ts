import { z } from 'zod';
import { ACCESS_TOKEN_FORMATS } from './client-schema';

/**
 * Thalamus's own client metadata, handed to oidc-provider beside the RFC 7591 names it
 * knows (RFC 7591 §2 lets a server define more). Declared once: its keys are the
 * provider's `extraClientMetadata.properties` and each key's schema is the provider's
 * validator for it (lib/oidc/configuration.ts); toProviderMetadata writes these values and
 * lib/oidc/client-metadata.ts reads them. Every key is optional: the provider validates
 * each listed property whether or not a client carries it.
 */
export const extraClientMetadataSchema = z.object({
  /** "Require User Consent" (lib/oidc/client-metadata.ts clientRequiresConsent). */
  thalamus_require_consent: z.boolean().optional(),
  /** "Require PKCE" for a confidential client; public clients always use it. */
  thalamus_require_pkce: z.boolean().optional(),
  /** Format of the client's access tokens for Thalamus's API. */
  thalamus_access_token_format: z.enum(ACCESS_TOKEN_FORMATS).optional(),
  /** Digests of the secrets that work, each with when it stops working (ms since the epoch; null: until rotated). */
  thalamus_secrets: z.array(z.object({ digest: z.string(), ends_at: z.number().nullable() })).optional(),
  /** The API a request without `resource` gets its access token for (RFC 8707 §2); null: none. */
  thalamus_default_resource: z.string().nullable().optional(),
  /** One of Thalamus's own default clients. */
  thalamus_first_party: z.boolean().optional(),
  // Security settings (client-security-schema.ts), read by lib/oidc/client-security.ts.
  /** Refresh tokens are replaced on every use (RFC 9700 §4.14.2). */
  thalamus_refresh_token_rotation: z.boolean().optional(),
  /** Seconds a replaced refresh token still works. */
  thalamus_refresh_token_reuse_grace: z.number().int().min(0).optional(),
  /** Lifetimes in seconds; null: the server's default. */
  thalamus_access_token_lifetime: z.number().int().positive().nullable().optional(),
  thalamus_id_token_lifetime: z.number().int().positive().nullable().optional(),
  thalamus_refresh_token_idle_lifetime: z.number().int().positive().nullable().optional(),
  thalamus_refresh_token_absolute_lifetime: z.number().int().positive().nullable().optional(),
  /** Browser origins allowed to call the provider's endpoints as this client (CORS). */
  thalamus_allowed_cors_origins: z.array(z.string()).optional(),
  /** The client has a backchannel_logout_uri: its ID tokens carry `sid` (OIDC Back-Channel Logout 1.0 §2.1). */
  thalamus_backchannel_logout: z.boolean().optional(),
});

export type ExtraClientMetadata = z.infer<typeof extraClientMetadataSchema>;
export type ExtraClientMetadataKey = keyof ExtraClientMetadata;

export const EXTRA_CLIENT_METADATA_KEYS = Object.keys(extraClientMetadataSchema.shape) as ExtraClientMetadataKey[];

/** The problem with one property's value, or undefined when it is acceptable. */
export function extraClientMetadataProblem(key: string, value: unknown): string | undefined {
  if (!Object.hasOwn(extraClientMetadataSchema.shape, key)) return `${key} is not Thalamus client metadata`;
  const result = extraClientMetadataSchema.shape[key as ExtraClientMetadataKey].safeParse(value);
  return result.success ? undefined : `${key}: ${result.error.issues.map((issue) => issue.message).join('; ')}`;
}
