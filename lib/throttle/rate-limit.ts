import type { Db } from '@/lib/db/client';

export interface Limit {
  /** Attempts allowed in one window. */
  max: number;
  windowSeconds: number;
}

export interface Verdict {
  allowed: boolean;
  /** Seconds until the window resets (when refused). */
  retryAfter: number;
}

/**
 * Counts one attempt against `key` and says whether it is within the limit.
 *
 * The attempt is counted before the caller does the work (checking a password), with
 * a single atomic statement, so N concurrent attempts can never all slip under the
 * limit. Counters live in the database so every instance shares them.
 */
export async function takeAttempt(db: Db, key: string, limit: Limit, now = new Date()): Promise<Verdict> {
  const windowStart = new Date(now.getTime() - limit.windowSeconds * 1000);
  // Start a fresh window when the old one is over; otherwise count up.
  await db.rateLimit.updateMany({ where: { key, windowStartsAt: { lt: windowStart } }, data: { count: 0, windowStartsAt: now } });
  const row = await db.rateLimit.upsert({
    where: { key },
    create: { key, count: 1, windowStartsAt: now },
    update: { count: { increment: 1 } },
  });
  const retryAfter = Math.max(1, Math.ceil((row.windowStartsAt.getTime() + limit.windowSeconds * 1000 - now.getTime()) / 1000));
  return { allowed: row.count <= limit.max, retryAfter };
}

/** Whether `key` is already over its limit, without counting an attempt. */
export async function isLimited(db: Db, key: string, limit: Limit, now = new Date()): Promise<Verdict> {
  const row = await db.rateLimit.findUnique({ where: { key } });
  if (!row || row.windowStartsAt.getTime() + limit.windowSeconds * 1000 <= now.getTime()) return { allowed: true, retryAfter: 0 };
  const retryAfter = Math.ceil((row.windowStartsAt.getTime() + limit.windowSeconds * 1000 - now.getTime()) / 1000);
  return { allowed: row.count < limit.max, retryAfter };
}

/** Gives back an attempt that turned out well (a successful sign-in does not count as a failure). */
export async function refundAttempt(db: Db, key: string): Promise<void> {
  await db.rateLimit.updateMany({ where: { key, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
}

export async function clearAttempts(db: Db, key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}
