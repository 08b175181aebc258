import type { Db } from '@/lib/db/client';
import { issuer } from '@/lib/config/env';
import { parseInput, ServiceError } from '@/lib/errors/service-error';
import { checkUserToken, consumeUserToken, issueUserToken, USER_TOKEN_TTL_SECONDS, type UserTokenCheck } from '@/lib/account-links/user-tokens';
import { recordSecurityEvent } from '@/lib/security-events/record-security-event';
import { renderMail } from '@/lib/mail/render-mail';
import { sendMail } from '@/lib/mail/send-mail';
import { emailChangeSchema, verifyEmailSchema } from './account-schemas';
import { checkCurrentPassword, proofProblem } from './current-password';
import type { AccountActor, RequestContext } from './request-context';

/**
 * Self-service email change (OWASP Authentication Cheat Sheet, "Changing a user's
 * registered email address"): the current password first, then a single-use link to the
 * new address; the address changes, verified, only when that link is used. The old
 * address is told afterwards, so a change the owner did not make does not go unnoticed.
 */
export const VERIFY_EMAIL_PATH = '/account/verify-email';

const TAKEN = 'Another account uses this address';

export async function requestEmailChange(db: Db, actor: AccountActor, input: unknown, context: RequestContext): Promise<{ email: string }> {
  const { email, current } = parseInput(emailChangeSchema, input, 'The email address was not changed');
  if (email === actor.email.toLowerCase())
    throw new ServiceError('invalid_request', 'The email address was not changed', [{ path: 'email', message: 'This is already your email address' }]);
  if (await db.user.findUnique({ where: { email }, select: { id: true } }))
    throw new ServiceError('conflict', 'The email address was not changed', [{ path: 'email', message: TAKEN }]);
  const proof = await checkCurrentPassword(db, actor.userId, current);
  if (proof !== 'ok') throw new ServiceError('invalid_request', 'The email address was not changed', [{ path: 'current', message: proofProblem(proof) }]);

  await sendVerificationLink(db, actor.userId, email, context, {
    heading: 'Confirm your new email address',
    intro: `Someone, hopefully you, asked to use ${email} for the Thalamus account ${actor.email}.`,
    outcome: 'Your address changes only when you use it.',
    notConfigured: 'This server cannot send email yet: ask your administrator to change your address',
  });
  return { email };
}

/**
 * "Send a verification link" for the account's own address while it is unverified (an
 * admin created the account with a password, or changed the address): using the link
 * sets `email_verified` (OIDC Core §5.1), which applications may rely on.
 */
export async function requestEmailVerification(db: Db, actor: AccountActor, context: RequestContext): Promise<{ email: string }> {
  const user = await db.user.findUnique({ where: { id: actor.userId }, select: { email: true, emailVerified: true } });
  if (!user) throw new ServiceError('not_found', 'No such account');
  if (user.emailVerified) throw new ServiceError('invalid_request', 'Your email address is verified already');
  await sendVerificationLink(db, actor.userId, user.email, context, {
    heading: 'Confirm your email address',
    intro: `Someone, hopefully you, asked to confirm that ${user.email} belongs to their Thalamus account.`,
    outcome: 'Nothing else changes.',
    notConfigured: 'This server cannot send email yet: ask your administrator to mark your address verified',
  });
  return { email: user.email };
}

/** Issues the single-use link (retiring earlier ones) and emails it to `email`, the address it proves. */
async function sendVerificationLink(
  db: Db,
  userId: string,
  email: string,
  context: RequestContext,
  words: { heading: string; intro: string; outcome: string; notConfigured: string },
): Promise<void> {
  const token = await issueUserToken(db, { userId, purpose: 'email_verification', email });
  const hours = USER_TOKEN_TTL_SECONDS.email_verification / 3600;
  const mail = renderMail({
    heading: words.heading,
    paragraphs: [words.intro, `The link works once, for ${hours} hours. ${words.outcome}`],
    action: { label: 'Confirm email address', url: `${issuer()}${VERIFY_EMAIL_PATH}?token=${token}` },
    footer: 'If you did not ask for this, ignore this message: nothing changes.',
  });
  const sent = await sendMail(db, { to: email, template: 'email_verification', subject: words.heading, ...mail }, { requesterAddress: context.address });
  if (sent.delivery === 'not_configured') throw new ServiceError('invalid_request', words.notConfigured);
}

/** What a verification link is for, without using it (the page that asks to confirm). */
export async function checkEmailChangeLink(db: Db, token: string): Promise<UserTokenCheck> {
  return checkUserToken(db, 'email_verification', token);
}

export type EmailChangeOutcome = { ok: true; email: string; changed: boolean } | { ok: false; reason: 'invalid' | 'expired' | 'used' | 'taken' };

/**
 * Uses a verification link: the account takes the address, verified. The link is used up
 * in the same transaction as the change, so of two clicks exactly one changes anything.
 */
export async function applyEmailChange(db: Db, input: unknown, context: RequestContext): Promise<EmailChangeOutcome> {
  const { token } = parseInput(verifyEmailSchema, input);
  const outcome = await db
    .$transaction(async (tx): Promise<EmailChangeOutcome & { previous?: string; userId?: string }> => {
      const link = await consumeUserToken(tx, 'email_verification', token);
      if (!link.ok) return link;
      const user = await tx.user.findUnique({ where: { id: link.userId }, select: { email: true, disabled: true } });
      if (!user || user.disabled) return { ok: false, reason: 'invalid' };
      const changed = user.email !== link.email;
      // Thrown, not returned: the transaction rolls back and the link stays unused.
      if (changed && (await tx.user.findUnique({ where: { email: link.email }, select: { id: true } }))) throw new AddressTaken();
      await tx.user.update({ where: { id: link.userId }, data: { email: link.email, emailVerified: true } });
      await recordSecurityEvent(tx, {
        type: changed ? 'email.changed' : 'email.verified',
        userId: link.userId,
        email: link.email,
        ...context,
        detail: changed ? { from: user.email, to: link.email } : {},
      });
      return { ok: true, email: link.email, changed, previous: user.email, userId: link.userId };
    })
    // Another account took the address between the check and the update (the unique index decided).
    .catch((error: unknown) => {
      if (error instanceof AddressTaken || (error as { code?: string }).code === 'P2002') return { ok: false as const, reason: 'taken' as const };
      throw error;
    });
  if (outcome.ok && outcome.changed && outcome.previous) await tellOldAddress(db, outcome.previous, outcome.email);
  return outcome.ok ? { ok: true, email: outcome.email, changed: outcome.changed } : { ok: false, reason: outcome.reason };
}

class AddressTaken extends Error {}

async function tellOldAddress(db: Db, previous: string, email: string): Promise<void> {
  const mail = renderMail({
    heading: 'Your email address was changed',
    paragraphs: [`Your Thalamus account now uses ${email} instead of ${previous}. Messages about your account go there from now on.`],
    footer: 'If you did not make this change, contact your administrator at once.',
  });
  await sendMail(db, { to: previous, template: 'email_changed', subject: 'Your email address was changed', ...mail });
}
