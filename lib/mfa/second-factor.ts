import type { Db } from '@/lib/db/client';
import { getBooleanSetting, SETTINGS } from '@/lib/settings/settings';
import { issueRecoveryCodes, redeemRecoveryCode } from './recovery-codes';
import { matchTotpStep } from './totp';

/** Whether a user without a second factor must enroll before finishing sign-in. */
export async function mustEnrollMfa(db: Db, user: { mfaRequired: boolean; totpEnabledAt: Date | null }): Promise<boolean> {
  if (user.totpEnabledAt) return false;
  return user.mfaRequired || (await getBooleanSetting(db, SETTINGS.mfaRequired));
}

/**
 * Checks a TOTP code for an enrolled user. The accepted time step is recorded with a
 * conditional update, so the same code cannot be used twice, even concurrently.
 */
export async function verifyTotp(db: Db, userId: string, code: string): Promise<boolean> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { totpSecret: true } });
  if (!user?.totpSecret) return false;
  const step = matchTotpStep(user.totpSecret, code);
  if (step === undefined) return false;
  const { count } = await db.user.updateMany({
    where: { id: userId, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return count === 1;
}

/** A TOTP code or, failing that, a recovery code. */
export async function verifySecondFactor(db: Db, userId: string, code: string): Promise<'totp' | 'recovery' | undefined> {
  if (/^\s*\d{3}\s?\d{3}\s*$/.test(code)) return (await verifyTotp(db, userId, code)) ? 'totp' : undefined;
  return (await redeemRecoveryCode(db, userId, code)) ? 'recovery' : undefined;
}

/**
 * Confirms enrollment: the first code from the authenticator proves it holds the
 * secret. Stores the secret and returns fresh recovery codes (shown once).
 */
export async function confirmTotpEnrollment(db: Db, userId: string, secret: string, code: string): Promise<string[] | undefined> {
  const step = matchTotpStep(secret, code);
  if (step === undefined) return undefined;
  const { count } = await db.user.updateMany({
    where: { id: userId, totpEnabledAt: null },
    data: { totpSecret: secret, totpEnabledAt: new Date(), totpLastStep: step },
  });
  if (count !== 1) return undefined;
  return issueRecoveryCodes(db, userId);
}

export async function resetMfa(db: Db, userId: string): Promise<void> {
  await db.$transaction([
    db.user.update({ where: { id: userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } }),
    db.recoveryCode.deleteMany({ where: { userId } }),
  ]);
}
