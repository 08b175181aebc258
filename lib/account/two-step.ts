import type { Db } from '@/lib/db/client';
import { parseInput, ServiceError } from '@/lib/errors/service-error';
import { PrismaAdapter } from '@/lib/oidc/adapter';
import { confirmTotpEnrollment, mustEnrollMfa, resetMfa, verifySecondFactor } from '@/lib/mfa/second-factor';
import { issueRecoveryCodes } from '@/lib/mfa/recovery-codes';
import { newTotpSecret, totpProvisioningUri, totpQrCodeSvg } from '@/lib/mfa/totp';
import { recordSecurityEvent } from '@/lib/security-events/record-security-event';
import { checkCurrentPassword, proofProblem } from './current-password';
import { totpCodeSchema, twoStepOffSchema } from './account-schemas';
import type { AccountActor, RequestContext } from './request-context';

/**
 * Two-step verification chosen on the account page, with the same TOTP and recovery
 * codes as the enrollment the hosted sign-in asks for (lib/mfa). The secret being set up
 * is kept server-side, by session, until the first code proves the app holds it.
 */
const pendingSecrets = new PrismaAdapter('AccountTotpSetup');
const PENDING_TTL_SECONDS = 10 * 60;

export interface TwoStepSetup {
  qrSvg: string;
  manualKey: string;
}

export async function startTwoStepSetup(db: Db, actor: AccountActor): Promise<TwoStepSetup> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { totpEnabledAt: true } });
  if (user.totpEnabledAt) throw new ServiceError('conflict', 'Two-step verification is already on');
  const secret = newTotpSecret();
  await pendingSecrets.upsert(actor.sessionUid, { secret, accountId: actor.userId } as never, PENDING_TTL_SECONDS);
  return { qrSvg: await totpQrCodeSvg(totpProvisioningUri(secret, actor.email)), manualKey: secret };
}

/** Confirms the setup with the app's first code; returns the recovery codes, shown once. */
export async function confirmTwoStepSetup(db: Db, actor: AccountActor, input: unknown, context: RequestContext): Promise<string[]> {
  const { code } = parseInput(totpCodeSchema, input, 'Two-step verification is not on yet');
  const pending = (await pendingSecrets.find(actor.sessionUid)) as { secret?: string; accountId?: string } | undefined;
  if (!pending?.secret || pending.accountId !== actor.userId)
    throw new ServiceError('invalid_request', 'The set-up expired. Start again', [{ path: 'code', message: 'The set-up expired. Start again' }]);
  const codes = await confirmTotpEnrollment(db, actor.userId, pending.secret, code);
  if (!codes) throw new ServiceError('invalid_request', 'Two-step verification is not on yet', [{ path: 'code', message: 'That code is not valid' }]);
  await pendingSecrets.destroy(actor.sessionUid);
  await recordSecurityEvent(db, { type: 'mfa.enabled', userId: actor.userId, email: actor.email, ...context, detail: { method: 'totp', source: 'account_page' } });
  return codes;
}

/**
 * Turns two-step verification off, with the password or a code as proof. Refused when an
 * administrator requires it (for this user or for everyone): the next sign-in would only
 * ask to set it up again.
 */
export async function turnOffTwoStep(db: Db, actor: AccountActor, input: unknown, context: RequestContext): Promise<void> {
  const { proof } = parseInput(twoStepOffSchema, input, 'Two-step verification is still on');
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { totpEnabledAt: true, mfaRequired: true } });
  if (!user.totpEnabledAt) return;
  if (await mustEnrollMfa(db, { ...user, totpEnabledAt: null })) throw new ServiceError('forbidden', 'Your administrator requires two-step verification: it cannot be turned off');
  const byCode = /^\s*\d{3}\s?\d{3}\s*$/.test(proof) || /^[a-z0-9]{5}-?[a-z0-9]{5}$/i.test(proof.trim()) ? await verifySecondFactor(db, actor.userId, proof) : undefined;
  if (!byCode) {
    const password = await checkCurrentPassword(db, actor.userId, proof);
    if (password !== 'ok')
      throw new ServiceError('invalid_request', 'Two-step verification is still on', [
        { path: 'proof', message: password === 'wrong' ? 'That password or code is not correct' : proofProblem(password) },
      ]);
  }
  await resetMfa(db, actor.userId);
  await recordSecurityEvent(db, { type: 'mfa.disabled', userId: actor.userId, email: actor.email, ...context, detail: { source: 'account_page' } });
}

/** New recovery codes (the old ones stop working); shown once. */
export async function regenerateRecoveryCodes(db: Db, actor: AccountActor, context: RequestContext): Promise<string[]> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId }, select: { totpEnabledAt: true } });
  if (!user.totpEnabledAt) throw new ServiceError('conflict', 'Turn on two-step verification first');
  const codes = await issueRecoveryCodes(db, actor.userId);
  await recordSecurityEvent(db, { type: 'mfa.recovery_codes_regenerated', userId: actor.userId, email: actor.email, ...context });
  return codes;
}
