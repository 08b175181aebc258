import type { Db } from '@/lib/db/client';
import { longestSignedTokenLifetime, tokenLifetimes } from '@/lib/oidc/token-lifetimes';
import { newCookieKey, newSigningKey, SIGNING_ALGS, type SigningAlg } from './keys';

/**
 * Key rotation. A rotation makes a new key the active one and retires the previous
 * one: a retired signing key stays published in /oauth/jwks (verify only) and a
 * retired cookie key still verifies cookies, so tokens and sessions issued before the
 * rotation keep working. Retired keys are dropped (deleted, private material and all)
 * once they have been retired for longer than the retention window: on the next
 * rotation and when a server starts (dropExpiredKeys).
 */
export type RotatedUse = 'signing' | 'cookie';

/**
 * Added to every retention window: covers clock skew between instances and the time
 * running servers take to pick up a rotation (they sign with the old key until then).
 */
export const RETENTION_MARGIN_SECONDS = 300;

/**
 * How long a retired key must stay: a signing key until the last JWT it signed has
 * expired, a cookie key until the last session cookie it signed has.
 */
export function defaultRetentionSeconds(use: RotatedUse): number {
  return (use === 'signing' ? longestSignedTokenLifetime() : tokenLifetimes().Session) + RETENTION_MARGIN_SECONDS;
}

export interface KeyRef {
  kid: string;
  use: string;
  alg: string;
}

export interface RotationReport {
  use: RotatedUse;
  activated: KeyRef[];
  retired: KeyRef[];
  dropped: KeyRef[];
  retainSeconds: number;
  /** Earliest moment the keys retired now may be dropped. */
  retainedUntil: Date;
}

export interface RotateOptions {
  use: RotatedUse;
  /** Signing algorithms to rotate; default every one (ES256 and RS256). */
  algs?: readonly SigningAlg[];
  /**
   * Drop retired keys of this use retired at least this long ago, the ones retired by
   * this rotation included (0 stops the old key at once, e.g. after a leak). Default:
   * defaultRetentionSeconds(use).
   */
  retainSeconds?: number;
  now?: Date;
}

export async function rotateKeys(db: Db, options: RotateOptions): Promise<RotationReport> {
  const { use } = options;
  const now = options.now ?? new Date();
  const retainSeconds = options.retainSeconds ?? defaultRetentionSeconds(use);
  // RSA key generation takes a while: do it before the transaction, which stays short.
  const fresh = use === 'signing' ? await Promise.all((options.algs ?? SIGNING_ALGS).map((alg) => newSigningKey(alg))) : [newCookieKey()];

  return db.$transaction(async (tx) => {
    // The new keys are written first. A SQLite transaction that reads and then writes fails
    // (SQLITE_BUSY, without waiting) when another process, a running server, wrote in
    // between; one that starts with its write waits for the lock like any other write.
    for (const key of fresh) await tx.key.create({ data: { ...key, createdAt: now } });
    const added = new Set(fresh.map((k) => k.kid));
    const retired = (await tx.key.findMany({ where: { use, alg: { in: fresh.map((k) => k.alg) }, status: 'active' }, select: { kid: true, use: true, alg: true } })).filter(
      (k) => !added.has(k.kid),
    );
    await tx.key.updateMany({ where: { kid: { in: retired.map((k) => k.kid) } }, data: { status: 'retired', retiredAt: now } });
    const dropped = await dropRetired(tx, use, retainSeconds, now);
    return {
      use,
      activated: fresh.map(({ kid, use: u, alg }) => ({ kid, use: u, alg })),
      retired: retired.filter((k) => !dropped.some((d) => d.kid === k.kid)),
      dropped,
      retainSeconds,
      retainedUntil: new Date(now.getTime() + retainSeconds * 1000),
    };
  });
}

/** Drops the retired keys whose retention window is over (run when a server starts). */
export async function dropExpiredKeys(db: Db, now = new Date()): Promise<KeyRef[]> {
  return [...(await dropRetired(db, 'signing', defaultRetentionSeconds('signing'), now)), ...(await dropRetired(db, 'cookie', defaultRetentionSeconds('cookie'), now))];
}

async function dropRetired(db: Pick<Db, 'key'>, use: RotatedUse, retainSeconds: number, now: Date): Promise<KeyRef[]> {
  const where = { use, status: 'retired', retiredAt: { lte: new Date(now.getTime() - retainSeconds * 1000) } };
  const doomed = await db.key.findMany({ where, select: { kid: true, use: true, alg: true } });
  if (doomed.length) await db.key.deleteMany({ where: { kid: { in: doomed.map((k) => k.kid) } } });
  return doomed;
}

/** Every key with its state, for `thalamus keys list`: identifiers only, never material. */
export async function listKeys(db: Db) {
  const rows = await db.key.findMany({
    select: { kid: true, use: true, alg: true, status: true, createdAt: true, retiredAt: true },
    orderBy: [{ use: 'asc' }, { status: 'asc' }, { createdAt: 'desc' }],
  });
  return rows.map((r) => ({ kid: r.kid, use: r.use, alg: r.alg, status: r.status, created_at: r.createdAt.toISOString(), retired_at: r.retiredAt?.toISOString() ?? null }));
}
