import { z } from 'zod';

/**
 * Every environment variable Thalamus reads, in one place. `.env.example` documents
 * each of them; keep the two in step.
 */
const envSchema = z.object({
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
  /** pg_dump used by `thalamus db backup` on PostgreSQL (a path, or a name looked up on PATH). */
  PG_DUMP: z.string().min(1).default('pg_dump'),
  THALAMUS_LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error']).default('info'),
});

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

/** The issuer identifier: APP_URL without a trailing slash (OIDC Discovery §4.3 compares it exactly). */
export function issuer(): string {
  return env().APP_URL.replace(/\/+$/, '');
}
