import type { Db } from '@/lib/db/client';
import { ACCOUNT_LIMIT } from './authenticate';
import type { Limit } from '@/lib/throttle/rate-limit';

/**
 * An account is locked when its failed sign-ins (or failed second-factor codes) reached
 * their limit in the current window (lib/users/authenticate.ts and the MFA step of
 * app/interaction/[uid]/actions.ts count them): the next attempt is refused until the
 * window ends, whatever the password. The counters are the lock; clearing them unlocks.
 */
export const MFA_LIMIT: Limit = { max: 5, windowSeconds: 15 * 60 };

export const signInAccountKey = (email: string) => `signin:account:${email.trim().toLowerCase()}`;
export const mfaAccountKey = (userId: string) => `mfa:account:${userId}`;

function lockEnd(row: { count: number; windowStartsAt: Date } | undefined, limit: Limit, now: Date): Date | null {
  if (!row || row.count < limit.max) return null;
  const end = new Date(row.windowStartsAt.getTime() + limit.windowSeconds * 1000);
  return end > now ? end : null;
}

/** Until when each of these accounts is locked (absent: not locked). One query for a whole page of users. */
export async function lockedUntil(db: Db, users: { id: string; email: string }[], now = new Date()): Promise<Map<string, Date>> {
  if (!users.length) return new Map();
  const rows = await db.rateLimit.findMany({ where: { key: { in: users.flatMap((u) => [signInAccountKey(u.email), mfaAccountKey(u.id)]) } } });
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const locks = new Map<string, Date>();
  for (const user of users) {
    const ends = [lockEnd(byKey.get(signInAccountKey(user.email)), ACCOUNT_LIMIT, now), lockEnd(byKey.get(mfaAccountKey(user.id)), MFA_LIMIT, now)].filter((d): d is Date => !!d);
    if (ends.length) locks.set(user.id, new Date(Math.max(...ends.map((d) => d.getTime()))));
  }
  return locks;
}

/** Clears the account's failure counters (not the per-address ones: those protect other accounts too). */
export async function clearAccountLock(db: Pick<Db, 'rateLimit'>, user: { id: string; email: string }): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key: { in: [signInAccountKey(user.email), mfaAccountKey(user.id)] } } });
}
