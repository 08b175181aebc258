import { createHmac, randomBytes } from 'node:crypto';
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

export interface KeyMaterial {
  /** Private JWKs, the newest active key of each algorithm first (oidc-provider signs with the first match). */
  jwks: { keys: JWK[] };
  /** Cookie keys, the active one first (koa/keygrip signs with the first, verifies with all). */
  cookieKeys: string[];
}

async function newSigningKey(alg: SigningAlg) {
  const { privateKey } = await generateKeyPair(alg, { extractable: true, ...(alg === 'RS256' ? { modulusLength: 2048 } : {}) });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(jwk);
  return { kid, use: 'signing', alg, material: JSON.stringify({ ...jwk, kid, alg, use: 'sig' }) };
}

function newCookieKey() {
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
  const rows = await db.key.findMany({
    where: { status: { in: ['active', 'retired'] } },
    orderBy: [{ status: 'asc' }, { createdAt: 'desc' }],
  });
  const jwks = rows.filter((r) => r.use === 'signing').map((r) => JSON.parse(r.material) as JWK);
  const cookieKeys = rows.filter((r) => r.use === 'cookie').map((r) => JSON.parse(r.material) as string);
  if (!jwks.some((k) => k.alg === 'ES256') || cookieKeys.length === 0) {
    throw new Error('No signing or cookie keys in the database: run `npx thalamus db migrate` (or `npm start`) first');
  }
  return { jwks: { keys: jwks }, cookieKeys };
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
  return createHmac('sha256', JSON.parse(row.material) as string).update(label).digest('base64url');
}
