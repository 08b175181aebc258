import { createHash, createHmac, randomBytes } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from 'jose';
import type { Db } from '@/lib/db/client';

/**
 * Signing keys (published at /oauth/jwks) and cookie-signing keys. Both are generated
 * on first start and persisted, so tokens and sessions survive restarts and every
 * instance sharing the database signs with the same keys. The library's development
 * keys are never used.
 */
export const SIGNING_ALGS = ['ES256', 'RS256'] as const;
export type SigningAlg = (typeof SIGNING_ALGS)[number];

/**
 * How often a running server checks whether the key set changed (`thalamus keys rotate`
 * on any instance) and reloads its provider. One tiny query per interval, never one
 * per request: the token endpoint's hot path does not touch the keys table.
 */
export const KEY_RELOAD_INTERVAL_SECONDS = 10;

export interface KeyMaterial {
  /**
   * Private JWKs, active keys first. Retired keys carry `key_ops: ["verify"]`, so
   * oidc-provider never signs with them but still publishes and verifies with them.
   */
  jwks: { keys: JWK[] };
  /** Cookie keys, the active one first (koa/keygrip signs with the first, verifies with all). */
  cookieKeys: string[];
  /** Identifies this key set; see keySetVersion. */
  version: string;
}

/** The rows that make up the provider's key set (internal keys are not part of it). */
const KEY_SET_WHERE = { use: { in: ['signing', 'cookie'] }, status: { in: ['active', 'retired'] } };

function versionOf(rows: { kid: string; status: string }[]): string {
  const text = rows
    .map((r) => `${r.kid}:${r.status}`)
    .sort()
    .join(',');
  return createHash('sha256').update(text).digest('base64url').slice(0, 16);
}

/** A digest of the key set's kids and statuses: it changes on every rotation or drop. */
export async function keySetVersion(db: Db): Promise<string> {
  return versionOf(await db.key.findMany({ where: KEY_SET_WHERE, select: { kid: true, status: true } }));
}

export async function newSigningKey(alg: SigningAlg) {
  const { privateKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'RS256' ? { modulusLength: 2048 } : {}) });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { kid, use: 'signing', alg, material: JSON.stringify({ ...jwk, kid, alg, use: 'sig' }) };
}

export function newCookieKey() {
  const secret = randomBytes(32).toString('base64url');
  return { kid: `cookie_${randomBytes(8).toString('hex')}`, use: 'cookie', alg: 'HS256', material: JSON.stringify(secret) };
}

/** Creates whatever key is missing (an active signing key per algorithm, an active cookie key). Idempotent. */
export async function ensureKeys(db: Db): Promise<string[]> {
  const active = await db.key.findMany({ where: { status: 'active' }, select: { use: true, alg: true } });
  const created: string[] = [];
  for (const alg of SIGNING_ALGS) {
    if (!active.some((k) => k.use === 'signing' && k.alg === alg)) {
      const key = await newSigningKey(alg);
      await db.key.create({ data: key });
      created.push(`signing ${alg} ${key.kid}`);
    }
  }
  if (!active.some((k) => k.use === 'cookie')) {
    await db.key.create({ data: newCookieKey() });
    created.push('cookie');
  }
  if (!active.some((k) => k.use === 'internal')) {
    await db.key.create({ data: { ...newCookieKey(), kid: `internal_${randomBytes(8).toString('hex')}`, use: 'internal' } });
    created.push('internal');
  }
  return created;
}

export async function loadKeys(db: Db): Promise<KeyMaterial> {
  const rows = await db.key.findMany({ where: KEY_SET_WHERE, orderBy: [{ status: 'asc' }, { createdAt: 'desc' }] });
  const jwks = rows.filter((r) => r.use === 'signing').map((r) => ({ ...(JSON.parse(r.material) as JWK), ...(r.status === 'retired' ? { key_ops: ['verify'] } : {}) }));
  const cookieKeys = rows.filter((r) => r.use === 'cookie').map((r) => JSON.parse(r.material) as string);
  if (!jwks.some((k) => k.alg === 'ES256') || cookieKeys.length === 0) {
    throw new Error('No signing or cookie keys in the database: run `npx thalamus db migrate` (or `npm start`) first');
  }
  return { jwks: { keys: jwks }, cookieKeys, version: versionOf(rows) };
}

export async function keyStatus(db: Db) {
  const rows = await db.key.groupBy({ by: ['use', 'status'], _count: { _all: true } });
  const count = (use: string, status: string) => rows.find((r) => r.use === use && r.status === status)?._count._all ?? 0;
  return {
    signing: { active: count('signing', 'active'), retired: count('signing', 'retired') },
    cookie: { active: count('cookie', 'active'), retired: count('cookie', 'retired') },
  };
}

/**
 * A secret derived from the installation's internal key for one purpose (HMAC-SHA256,
 * a different label per purpose). Every instance sharing the database derives the
 * same value, and nothing derived is ever stored.
 */
export async function deriveSecret(db: Db, label: string): Promise<string> {
  const row = await db.key.findFirst({ where: { use: 'internal', status: 'active' }, orderBy: { createdAt: 'asc' } });
  if (!row) throw new Error('No internal key in the database: run `npx thalamus setup` first');
  return createHmac('sha256', JSON.parse(row.material) as string)
    .update(label)
    .digest('base64url');
}
