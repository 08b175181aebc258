import { z } from 'zod';

/**
 * A client's security settings (the console's "Security" section): sender-constrained
 * tokens, pushed requests, refresh-token rotation, token lifetimes, CORS origins and the
 * public keys of a private_key_jwt client. Part of the one client schema
 * (client-schema.ts spreads these fields); names follow RFC 7591 §2 and the RFCs that
 * register them, Thalamus's own where no RFC names one.
 */

/** Lifetimes in seconds; null means the server's default (lib/oidc/token-lifetimes.ts). */
export const LIFETIME_RANGES = {
  access_token_lifetime: { min: 60, max: 86_400, label: 'a day' },
  id_token_lifetime: { min: 60, max: 86_400, label: 'a day' },
  refresh_token_idle_lifetime: { min: 300, max: 90 * 86_400, label: '90 days' },
  refresh_token_absolute_lifetime: { min: 300, max: 365 * 86_400, label: '365 days' },
} as const;
export type LifetimeField = keyof typeof LIFETIME_RANGES;

/** Longest a rotated refresh token may be used again without counting as reuse (RFC 9700 §4.14.2). */
export const MAX_REFRESH_TOKEN_REUSE_GRACE = 60;
const MAX_CORS_ORIGINS = 20;
const MAX_JWKS_KEYS = 10;

function lifetime(field: LifetimeField) {
  const { min, max, label } = LIFETIME_RANGES[field];
  return z
    .number({ error: 'Use a number of seconds' })
    .int('Use a whole number of seconds')
    .min(min, `Use at least ${min} seconds`)
    .max(max, `Use at most ${max} seconds (${label})`)
    .nullish();
}

/**
 * A web origin as browsers send it in `Origin` (RFC 6454 §6.1): scheme, host and port
 * only. http is accepted for loopback hosts alone, where development servers run.
 */
export function corsOriginProblem(value: string): string | undefined {
  const url = URL.parse(value);
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) return 'Use an origin such as https://app.example.com';
  if (url.origin !== value) return `Use the origin alone, without a path, query or trailing slash: ${url.origin}`;
  const loopback = url.hostname === 'localhost' || url.hostname === '127.0.0.1' || url.hostname === '[::1]';
  if (url.protocol === 'http:' && !loopback) return 'Use https (http only for localhost)';
  return undefined;
}

const corsOrigin = z
  .string()
  .max(300, 'Use at most 300 characters')
  .superRefine((value, ctx) => {
    const problem = corsOriginProblem(value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Members of a JWK that only a private (or symmetric) key has (RFC 7518 §6.2.2, §6.3.2, §6.4.1). */
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'oth', 'k'] as const;

const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** Length in base64url characters of a coordinate on each curve (RFC 7518 §6.2.1.2, RFC 8037 §2). */
const COORDINATE_LENGTH: Record<string, number> = { 'P-256': 43, 'P-384': 64, 'P-521': 88, Ed25519: 43, Ed448: 57 };
/** RSA keys under 2048 bits are refused (RFC 7518 §3.3): 342 base64url characters of modulus. */
const MIN_RSA_MODULUS_LENGTH = 342;

/** What is wrong with a public key's members for its type, checked the same in the browser and on the server. */
function keyMembersProblem(jwk: Record<string, unknown>): { path: string; message: string } | undefined {
  const coordinate = (name: string, crv: string) =>
    typeof jwk[name] === 'string' && BASE64URL.test(jwk[name]) && jwk[name].length === COORDINATE_LENGTH[crv]
      ? undefined
      : { path: name, message: `Use the ${crv} public key's "${name}" (base64url)` };
  if (jwk.kty === 'EC') {
    const crv = String(jwk.crv);
    if (!['P-256', 'P-384', 'P-521'].includes(crv)) return { path: 'crv', message: 'Use the curve P-256, P-384 or P-521' };
    return coordinate('x', crv) ?? coordinate('y', crv);
  }
  if (jwk.kty === 'OKP') {
    const crv = String(jwk.crv);
    if (!['Ed25519', 'Ed448'].includes(crv)) return { path: 'crv', message: 'Use the curve Ed25519 or Ed448' };
    return coordinate('x', crv);
  }
  if (typeof jwk.n !== 'string' || !BASE64URL.test(jwk.n) || jwk.n.length < MIN_RSA_MODULUS_LENGTH)
    return { path: 'n', message: 'Use an RSA public key of at least 2048 bits ("n", base64url)' };
  if (typeof jwk.e !== 'string' || !BASE64URL.test(jwk.e)) return { path: 'e', message: 'Use the RSA public exponent ("e", base64url)' };
  return undefined;
}

/**
 * One public signing key of a client (RFC 7517 §4). A private key here would mean the
 * client's secret left the client: refused, naming the member, so it is not stored.
 */
const publicJwk = z
  .looseObject({
    kty: z.enum(['EC', 'RSA', 'OKP'], { error: 'Use an EC, RSA or OKP public key (kty)' }),
    kid: z.string().max(200).optional(),
    use: z.literal('sig', { error: 'Use "sig": the keys sign client assertions' }).optional(),
    alg: z.string().max(20).optional(),
  })
  .superRefine((jwk, ctx) => {
    const secret = PRIVATE_MEMBERS.filter((member) => member in jwk);
    if (secret.length) {
      ctx.addIssue({ code: 'custom', path: [secret[0]!], message: `This is a private key (it has "${secret.join('", "')}"): register the public key only` });
      return;
    }
    const problem = keyMembersProblem(jwk);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.path], message: problem.message });
  });

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/** What is wrong with a jwks_uri as a URL (the host allowlist is checked on the server). */
export function jwksUriProblem(value: string): string | undefined {
  const url = URL.parse(value);
  if (!url) return 'Use an absolute https URL';
  if (url.hash || value.includes('#')) return 'Use a URL without a fragment (#…)';
  if (url.username || url.password) return 'Use a URL without credentials';
  if (url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))) return undefined;
  return 'Use https (http only on a loopback address)';
}

/** A JWK Set (RFC 7517 §5) of the client's public keys, registered inline (RFC 7591 §2 `jwks`). */
export const clientJwksSchema = z.strictObject({
  keys: z.array(publicJwk).min(1, 'Add at least one key').max(MAX_JWKS_KEYS, `Use at most ${MAX_JWKS_KEYS} keys`),
});
export type ClientJwks = z.output<typeof clientJwksSchema>;

export const clientSecurityFields = {
  /** Public keys for private_key_jwt (RFC 7523 §2.2). Inline only: see checkSecurityRules. */
  jwks: clientJwksSchema
    .nullish()
    .meta({ description: 'Public keys (JWK Set) for private_key_jwt (RFC 7523); required with it, refused without it. Private key members are refused.' }),
  /**
   * Where the provider fetches the keys instead (RFC 7591 §2): an https URL (http on a
   * loopback address) whose host the operator allows in JWKS_URI_ALLOWED_HOSTS. Which hosts
   * is the server's decision (jwks-uri-policy.ts): a registration naming any URL would make
   * the server request any address, internal ones included (SSRF).
   */
  jwks_uri: z
    .string({ error: 'Use an https URL' })
    .trim()
    .max(2000, 'Use at most 2000 characters')
    .superRefine((value, ctx) => {
      const problem = jwksUriProblem(value);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .nullish()
    .meta({
      description:
        'URL of the public keys for private_key_jwt, instead of jwks: https (http only on a loopback address), on a host listed in JWKS_URI_ALLOWED_HOSTS (any other is refused: fetching a URL a registration names would be server-side request forgery).',
    }),
  /** RFC 9126 §6: authorization requests only through the pushed authorization request endpoint. */
  require_pushed_authorization_requests: z.boolean({ error: 'Use true or false' }).default(false),
  /** RFC 9449 §5.2: access tokens only when bound to a DPoP key. */
  dpop_bound_access_tokens: z.boolean({ error: 'Use true or false' }).default(false),
  /** A used refresh token is replaced by a new one (RFC 9700 §4.14.2). */
  refresh_token_rotation: z.boolean({ error: 'Use true or false' }).default(true),
  /** Seconds a replaced refresh token still works, for a client that lost the response (0: none). */
  refresh_token_reuse_grace: z
    .number({ error: 'Use a number of seconds' })
    .int('Use a whole number of seconds')
    .min(0, 'Use 0 or more seconds')
    .max(MAX_REFRESH_TOKEN_REUSE_GRACE, `Use at most ${MAX_REFRESH_TOKEN_REUSE_GRACE} seconds`)
    .default(0),
  access_token_lifetime: lifetime('access_token_lifetime'),
  id_token_lifetime: lifetime('id_token_lifetime'),
  refresh_token_idle_lifetime: lifetime('refresh_token_idle_lifetime'),
  refresh_token_absolute_lifetime: lifetime('refresh_token_absolute_lifetime'),
  /** Browser origins allowed to call the token, userinfo, revocation and introspection endpoints (CORS). */
  allowed_cors_origins: z
    .array(corsOrigin)
    .max(MAX_CORS_ORIGINS, `Use at most ${MAX_CORS_ORIGINS} origins`)
    .superRefine((values, ctx) => {
      values.forEach((value, index) => {
        if (values.indexOf(value) !== index) ctx.addIssue({ code: 'custom', path: [index], message: `"${value}" is listed twice` });
      });
    })
    .default([]),
};

/** The response's view of the same fields. */
export const clientSecurityResponseFields = {
  jwks: z.object({ keys: z.array(z.record(z.string(), z.unknown())) }).nullable(),
  jwks_uri: z.string().nullable(),
  require_pushed_authorization_requests: z.boolean(),
  dpop_bound_access_tokens: z.boolean(),
  refresh_token_rotation: z.boolean(),
  refresh_token_reuse_grace: z.number().int(),
  access_token_lifetime: z.number().int().nullable(),
  id_token_lifetime: z.number().int().nullable(),
  refresh_token_idle_lifetime: z.number().int().nullable(),
  refresh_token_absolute_lifetime: z.number().int().nullable(),
  allowed_cors_origins: z.array(z.string()),
};

type SecurityFields = {
  token_endpoint_auth_method: string;
  jwks?: ClientJwks | null;
  jwks_uri?: string | null;
  refresh_token_idle_lifetime?: number | null;
  refresh_token_absolute_lifetime?: number | null;
  refresh_token_rotation: boolean;
  refresh_token_reuse_grace: number;
};

/** Rules across the security fields, reported against the field to fix. */
export function checkSecurityRules(client: SecurityFields, ctx: z.RefinementCtx) {
  const keyAuth = client.token_endpoint_auth_method === 'private_key_jwt';
  if (keyAuth && !client.jwks && !client.jwks_uri) {
    ctx.addIssue({ code: 'custom', path: ['jwks'], message: 'private_key_jwt needs the public keys the client signs with (jwks, or jwks_uri)' });
  }
  if (client.jwks && client.jwks_uri) {
    ctx.addIssue({ code: 'custom', path: ['jwks_uri'], message: 'Register the keys one way: jwks or jwks_uri, not both (RFC 7591 §2)' });
  }
  for (const field of ['jwks', 'jwks_uri'] as const) {
    if (!keyAuth && client[field]) ctx.addIssue({ code: 'custom', path: [field], message: 'Keys are used only with private_key_jwt client authentication' });
  }
  const idle = client.refresh_token_idle_lifetime;
  const absolute = client.refresh_token_absolute_lifetime;
  if (idle != null && absolute != null && idle > absolute) {
    ctx.addIssue({ code: 'custom', path: ['refresh_token_idle_lifetime'], message: 'Use at most the absolute lifetime' });
  }
  if (!client.refresh_token_rotation && client.refresh_token_reuse_grace > 0) {
    ctx.addIssue({ code: 'custom', path: ['refresh_token_reuse_grace'], message: 'A reuse grace applies only with refresh-token rotation on' });
  }
}
