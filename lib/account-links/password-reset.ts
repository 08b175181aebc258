import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import type { Actor } from '@/lib/audit/record-audit';
import { parseInput } from '@/lib/errors/service-error';
import { log } from '@/lib/log/logger';
import { mailConfigured, sendMail } from '@/lib/mail/send-mail';
import { recordSecurityEvent } from '@/lib/security-events/record-security-event';
import { revokeUserGrants, revokeUserSessions } from '@/lib/sessions/user-sessions';
import { takeAttempt, type Limit } from '@/lib/throttle/rate-limit';
import { issueUserToken } from './user-tokens';
import { accountLinkUrl } from './link-url';
import { passwordChangedMail, passwordResetMail } from './link-mail';
import { choosePasswordWithLink, type RequestContext } from './choose-password';
import { deliverLink, linkTarget, type LinkDelivery } from './deliver-link';

/**
 * Forgotten passwords (OWASP Forgot Password Cheat Sheet): a request names an email and
 * always gets the same answer; a single-use, 30-minute link goes to that address when it
 * belongs to an enabled account; the link's page sets a new password and signs the
 * person out everywhere.
 */

/** Requests per account (by email, also for unknown ones) and per client address. */
export const RESET_ACCOUNT_LIMIT: Limit = { max: 5, windowSeconds: 60 * 60 };
export const RESET_ADDRESS_LIMIT: Limit = { max: 30, windowSeconds: 60 * 60 };

/** The "Forgot password?" form. */
export const passwordResetRequestSchema = z.object({
  email: z
    .string({ error: 'Enter your email' })
    .trim()
    .min(1, 'Enter your email')
    .max(254, 'Use at most 254 characters')
    .pipe(z.email({ error: 'Enter a valid email address' }))
    .transform((email) => email.toLowerCase()),
});

/** What happened to a request, for the security event only: the person is told the same either way. */
type RequestOutcome = 'sent' | 'unknown_account' | 'disabled' | 'throttled' | 'mail_not_configured' | 'mail_limited';

/**
 * "Forgot password?": emails a reset link to `email` if it is an enabled account's.
 *
 * Resolves the same way whether the account exists, is disabled, or the request was over
 * a rate limit (per account and per address, RESET_*_LIMIT): nothing tells the caller
 * which, so accounts cannot be enumerated. Its duration does differ (only a real account
 * gets a token and an email), so a page should not make the person wait for it: the
 * hosted page runs it after sending its answer. Each request is recorded as a
 * `password.reset_requested` security event with what happened.
 *
 * `returnTo`: the sign-in interaction the person came from (`/interaction/<uid>`), carried
 * in the link so the success page can lead back to it; anything else is dropped.
 */
export async function requestPasswordReset(db: Db, email: string, context: RequestContext & { returnTo?: string }): Promise<void> {
  const normalized = parseInput(passwordResetRequestSchema, { email }).email;
  const [byAccount, byAddress] = await Promise.all([
    takeAttempt(db, `reset:account:${normalized}`, RESET_ACCOUNT_LIMIT),
    takeAttempt(db, `reset:address:${context.address}`, RESET_ADDRESS_LIMIT),
  ]);
  const user = await db.user.findUnique({ where: { email: normalized }, select: { id: true, email: true, disabled: true } });

  let outcome: RequestOutcome;
  if (!byAccount.allowed || !byAddress.allowed) outcome = 'throttled';
  else if (!user) outcome = 'unknown_account';
  else if (user.disabled) outcome = 'disabled';
  else if (!mailConfigured()) outcome = 'mail_not_configured';
  else {
    const token = await issueUserToken(db, { userId: user.id, purpose: 'password_reset', email: user.email });
    const { delivery } = await sendMail(db, passwordResetMail(user.email, accountLinkUrl('password_reset', token, context.returnTo)), { requesterAddress: context.address });
    outcome = delivery === 'queued' ? 'sent' : 'mail_limited';
  }
  if (outcome === 'mail_not_configured') log.warn('a password reset was requested, but no email can be sent: SMTP_URL is not set');
  await recordSecurityEvent(db, {
    type: 'password.reset_requested',
    userId: user?.id ?? null,
    email: normalized,
    address: context.address,
    userAgent: context.userAgent,
    detail: { outcome },
  });
}

/**
 * The reset link's page: sets the new password (`{ password, confirm }`, held to the
 * password policy) and signs the person out everywhere.
 *
 * Throws LinkProblem (a ServiceError, `reason` expired | used | invalid) when the link
 * cannot be used, and ServiceError `invalid_request` with `password` / `confirm` field
 * errors for a refused password; in both cases nothing changed.
 *
 * Afterwards every sign-in session of the account ends, and so does every grant with
 * its access and refresh tokens (applications sign the person in again, and ask for
 * consent again): a reset is how a person takes an account back after a suspected
 * compromise, and a refresh token obtained with the old password would otherwise keep
 * working for months (OWASP Forgot Password Cheat Sheet: invalidate existing sessions).
 * An email then tells the person their password was changed.
 */
export async function resetPassword(db: Db, token: string, input: { password: unknown; confirm: unknown }, context: RequestContext): Promise<{ id: string; email: string }> {
  const user = await choosePasswordWithLink(db, 'password_reset', token, input, context);
  const sessions = await revokeUserSessions(db, user.id);
  const grants = await revokeUserGrants(db, user.id);
  if (sessions || grants) {
    await recordSecurityEvent(db, {
      type: 'sessions.revoked',
      userId: user.id,
      email: user.email,
      address: context.address,
      userAgent: context.userAgent,
      detail: { reason: 'password_reset', sessions, grants },
    });
  }
  await sendMail(db, passwordChangedMail(user.email), { requesterAddress: context.address });
  return user;
}

/**
 * An administrator's "Send password reset": a new reset link for the user (earlier ones
 * stop working), emailed, or returned as `{ delivery: 'link', link }` for the admin to
 * hand over when mail is not configured or the address got too many emails lately
 * (show it once; never log it). Audited as `user.password_reset_sent`. ServiceError
 * `not_found` for an unknown user, `conflict` for a disabled one.
 */
export async function sendPasswordResetLink(db: Db, actor: Actor, userId: string): Promise<LinkDelivery> {
  const user = await linkTarget(db, userId);
  return deliverLink(db, actor, user, 'password_reset', (link) => passwordResetMail(user.email, link));
}
