import type { Db } from '@/lib/db/client';
import { takeAttempt, clearAttempts, refundAttempt, type Limit } from '@/lib/throttle/rate-limit';
import { recordSecurityEvent } from '@/lib/security-events/record-security-event';
import { checkPassword, decoyPasswordHash, hashPassword } from './password';
import { signInAccountKey } from './account-lock';

/**
 * Sign-in throttling (OWASP Authentication Cheat Sheet): failures are limited per
 * account, against guessing one password, and per client address, against spraying
 * many accounts. Both counters are shared by all instances through the database.
 * Every attempt is counted before the password is checked (so concurrent guesses
 * cannot overrun the limit); a successful one is then taken back.
 */
export const ACCOUNT_LIMIT: Limit = { max: 5, windowSeconds: 15 * 60 };
export const ADDRESS_LIMIT: Limit = { max: 50, windowSeconds: 15 * 60 };

export type AuthenticationResult =
  | { ok: true; user: { id: string; email: string; totpEnabledAt: Date | null; mfaRequired: boolean; role: string } }
  | { ok: false; reason: 'invalid_credentials' }
  | { ok: false; reason: 'throttled'; retryAfter: number };

/**
 * Checks an email and password. Unknown accounts, disabled accounts and wrong passwords
 * get the same answer after the same work, so the response does not reveal which
 * accounts exist. Failures and lockouts are recorded as security events (OWASP Logging
 * Cheat Sheet: authentication failures, with the address and browser they came from);
 * the success is recorded by the caller, once the second factor (if any) is passed too.
 */
export async function authenticate(db: Db, email: string, password: string, address: string, userAgent = ''): Promise<AuthenticationResult> {
  const normalized = email.trim().toLowerCase();
  const accountKey = signInAccountKey(normalized);
  const addressKey = `signin:address:${address}`;
  const event = { email: normalized, address, userAgent };

  const [byAccount, byAddress] = await Promise.all([takeAttempt(db, accountKey, ACCOUNT_LIMIT), takeAttempt(db, addressKey, ADDRESS_LIMIT)]);
  if (!byAccount.allowed || !byAddress.allowed) {
    const userId = (await db.user.findUnique({ where: { email: normalized }, select: { id: true } }))?.id ?? null;
    await recordSecurityEvent(
      db,
      byAccount.allowed
        ? { ...event, userId, type: 'sign_in.failed', detail: { reason: 'address_throttled' } }
        : { ...event, userId, type: 'sign_in.locked', detail: { factor: 'password' } },
    );
    return { ok: false, reason: 'throttled', retryAfter: Math.max(byAccount.allowed ? 0 : byAccount.retryAfter, byAddress.allowed ? 0 : byAddress.retryAfter) };
  }

  const user = await db.user.findUnique({ where: { email: normalized } });
  const check = await checkPassword(password, user?.passwordHash ?? (await decoyPasswordHash()));
  if (!user || !user.passwordHash || user.disabled || !check.matches) {
    const reason = !user ? 'unknown_account' : user.disabled ? 'disabled' : !user.passwordHash ? 'no_password' : 'wrong_password';
    await recordSecurityEvent(db, { ...event, userId: user?.id ?? null, type: 'sign_in.failed', detail: { reason } });
    return { ok: false, reason: 'invalid_credentials' };
  }

  await Promise.all([clearAttempts(db, accountKey), refundAttempt(db, addressKey)]);
  // The password is at hand only now: an old bcrypt hash is replaced by an Argon2id one.
  const rehashed = check.needsRehash ? { passwordHash: await hashPassword(password) } : {};
  await db.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date(), ...rehashed } });
  return { ok: true, user: { id: user.id, email: user.email, totpEnabledAt: user.totpEnabledAt, mfaRequired: user.mfaRequired, role: user.role } };
}
