import type { Db } from '@/lib/db/client';
import { ACCOUNT_LIMIT } from '@/lib/users/authenticate';
import { checkPassword, decoyPasswordHash } from '@/lib/users/password';
import { clearAttempts, takeAttempt } from '@/lib/throttle/rate-limit';

export type PasswordProof = 'ok' | 'wrong' | { retryAfter: number };

/**
 * Re-authentication for a sensitive change (OWASP Authentication Cheat Sheet, "Require
 * re-authentication for sensitive features"). Wrong guesses count against the same
 * per-account limit as sign-ins, so a browser left signed in cannot be used to guess the
 * password faster than the sign-in form allows.
 */
export async function checkCurrentPassword(db: Db, userId: string, password: string): Promise<PasswordProof> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!user) return 'wrong';
  const key = `signin:account:${user.email}`;
  const attempt = await takeAttempt(db, key, ACCOUNT_LIMIT);
  if (!attempt.allowed) return { retryAfter: attempt.retryAfter };
  const check = await checkPassword(password, user.passwordHash ?? (await decoyPasswordHash()));
  if (!user.passwordHash || !check.matches) return 'wrong';
  await clearAttempts(db, key);
  return 'ok';
}

/** The message for a failed proof, on the field that asked for it. */
export function proofProblem(proof: Exclude<PasswordProof, 'ok'>): string {
  return proof === 'wrong' ? 'That password is not correct' : `Too many attempts. Try again in ${Math.max(1, Math.ceil(proof.retryAfter / 60))} minute(s)`;
}
