import { z } from 'zod';

/**
 * Every environment variable Thalamus reads, in one place. `.env.example` documents
 * each of them; keep the two in step.
 */
/** `VAR=` in a .env file or a container definition means "not set". */
const unsetIfEmpty = (value: unknown) => (value === '' ? undefined : value);

const envSchema = z
  .object({
    APP_URL: z.url({ protocol: /^https?$/ }).default('http://localhost:3000'),
    DATABASE_URL: z.string().min(1).default('file:./data/thalamus.db'),
    ADMIN_EMAIL: z.email().optional(),
    ADMIN_PASSWORD: z.string().min(12).optional(),
    THALAMUS_ADMIN_CLIENT_SECRET: z.string().min(32).optional(),
    THALAMUS_SYNC_CLIENT_SECRET: z.string().min(32).optional(),
    ACCESS_TOKEN_TTL: z.coerce.number().int().min(60).max(86_400).default(3600),
    /** Reverse proxies in front of Thalamus that append to X-Forwarded-For (lib/http/client-address.ts). */
    TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
    PURGE_INTERVAL_SECONDS: z.coerce.number().int().min(10).max(86_400).default(600),
    /** How long security events (sign-ins, resets, session revocations, with address and browser) are kept. */
    SECURITY_EVENTS_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(400),
    /** pg_dump used by `thalamus db backup` on PostgreSQL (a path, or a name looked up on PATH). */
    PG_DUMP: z.string().min(1).default('pg_dump'),
    THALAMUS_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
    /** The log level (lib/log/logger.ts reads it); THALAMUS_LOG_LEVEL is its older name. */
    LOG_LEVEL: z.preprocess(unsetIfEmpty, z.enum(['debug', 'info', 'warn', 'error']).optional()),
    /** Hosts a private_key_jwt client's jwks_uri may name (lib/clients/jwks-uri-policy.ts): comma-separated, `*.example.com` for subdomains. */
    JWKS_URI_ALLOWED_HOSTS: z.preprocess(unsetIfEmpty, z.string().max(2000).optional()),
    /** Let the provider fetch a jwks_uri that resolves to a loopback or private address (lib/oidc/outbound-fetch.ts): tests and closed networks only. */
    JWKS_URI_ALLOW_PRIVATE: z.stringbool().default(false),
    /** The bearer token Prometheus sends to /metrics; without it /metrics does not exist (404). */
    METRICS_TOKEN: z.preprocess(unsetIfEmpty, z.string().min(16, 'Use at least 16 characters').optional()),
    /** Outgoing mail (lib/mail): smtp://user:password@host:587 (STARTTLS when offered) or smtps://…:465 (TLS from the start). */
    SMTP_URL: z.preprocess(unsetIfEmpty, z.url({ protocol: /^smtps?$/ }).optional()),
    /** The From of every message: an address, optionally with a name ("Thalamus <no-reply@example.com>"). */
    MAIL_FROM: z.preprocess(
      unsetIfEmpty,
      z
        .string()
        .trim()
        .regex(/^[^\r\n]*[^\s@<>]+@[^\s@<>]+[^\r\n]*$/, 'an email address, optionally with a name')
        .optional(),
    ),
    /** Refuse to send over a connection that did not upgrade with STARTTLS (smtp:// only). */
    SMTP_REQUIRE_TLS: z.stringbool().default(false),
    /** Check the SMTP server's certificate (turn off only for a test server). */
    SMTP_TLS_REJECT_UNAUTHORIZED: z.stringbool().default(true),
    /** PEM file of the CA that signed the SMTP server's certificate, when it is not a public one. */
    SMTP_CA_FILE: z.preprocess(unsetIfEmpty, z.string().min(1).optional()),
    /** First retry delay of an undelivered message, in seconds; each further retry waits twice as long (at most an hour). */
    MAIL_RETRY_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    /** Dynamic client registration (RFC 7591/7592) at /oauth/register, with an admin API key as the initial access token. */
    DYNAMIC_REGISTRATION: z.enum(['on', 'off']).default('off'),
    /** Back-channel logout (lib/backchannel-logout): deliver to http and to loopback or private addresses (tests, closed networks only). */
    BACKCHANNEL_LOGOUT_ALLOW_PRIVATE: z.stringbool().default(false),
    /** How long one delivery of a logout token may take, in seconds. */
    BACKCHANNEL_LOGOUT_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(30).default(5),
    /** First retry delay of an undelivered logout token, in seconds; each further retry waits twice as long (at most an hour). */
    BACKCHANNEL_LOGOUT_RETRY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    /** Delivery attempts before a logout token is given up on. */
    BACKCHANNEL_LOGOUT_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
    /** Delivery attempts before a message is marked failed. */
    MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(8),
  })
  .refine((e) => !e.SMTP_URL || e.MAIL_FROM, { path: ['MAIL_FROM'], message: 'required when SMTP_URL is set' });

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Parses the environment once; a bad value stops the process with the variable's name. */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  cached = parsed.data;
  return cached;
}

/** Forgets the parsed environment, for tests that change a variable between cases. */
export function resetEnvCache(): void {
  cached = undefined;
}

/** The issuer identifier: APP_URL without a trailing slash (OIDC Discovery §4.3 compares it exactly). */
export function issuer(): string {
  return env().APP_URL.replace(/\/+$/, '');
}
