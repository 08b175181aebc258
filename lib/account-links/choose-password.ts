import { clearAccountLock } from '@/lib/users/account-lock';
import type { Db } from '@/lib/db/client';
import { recordAudit } from '@/lib/audit/record-audit';
import { fieldProblems, ServiceError, type FieldProblem } from '@/lib/errors/service-error';
import { passwordChoiceSchema, passwordPolicyProblem } from '@/lib/users/password-policy';
import { hashPassword } from '@/lib/users/password';
import { recordSecurityEvent } from '@/lib/security-events/record-security-event';
import { checkUserToken, consumeUserToken, type UserTokenPurpose } from './user-tokens';
import { LinkProblem } from './link-problem';

export interface RequestContext {
  /** The client address (lib/http/client-address.ts) and user agent of the request. */
  address: string;
  userAgent: string;
}

/**
 * The link the page was opened with, checked without using it up (a mail scanner that
 * follows the link must not spend it): the user it is for, or why it cannot be used.
 * A link stops working when the account is disabled or its email changed since.
 */
export async function userForLink(db: Db, purpose: UserTokenPurpose, token: string) {
  const check = await checkUserToken(db, purpose, token);
  if (!check.ok) throw new LinkProblem(check.reason);
  const user = await db.user.findUnique({ where: { id: check.userId }, select: { id: true, email: true, name: true, disabled: true, passwordHash: true } });
  if (!user || user.disabled || user.email !== check.email) throw new LinkProblem('invalid');
  return user;
}

/** "New password" and "Confirm password", held to the password policy; field errors name `password` or `confirm`. */
function parseChoice(input: unknown, email: string): string {
  const parsed = passwordChoiceSchema.safeParse(input);
  const problems: FieldProblem[] = parsed.success ? [] : fieldProblems(parsed.error);
  const personal = parsed.success ? passwordPolicyProblem(parsed.data.password, { email }) : undefined;
  if (personal) problems.push({ path: 'password', message: personal });
  if (problems.length || !parsed.success) throw new ServiceError('invalid_request', 'Choose another password', problems);
  return parsed.data.password;
}

/**
 * Sets a user's password from an emailed link, in one transaction: the link is used up
 * (a conditional update: of two concurrent uses one wins), the Argon2id hash stored, the
 * address marked verified (the link reached it), the account's sign-in and second-factor
 * failure counters cleared (a locked-out person gets back in), and the change recorded as
 * a security event and in the audit log. Nothing changes when any step fails.
 */
export async function choosePasswordWithLink(
  db: Db,
  purpose: Extract<UserTokenPurpose, 'password_reset' | 'invitation'>,
  token: string,
  input: unknown,
  context: Partial<RequestContext>,
) {
  const user = await userForLink(db, purpose, token);
  if (purpose === 'invitation' && user.passwordHash) throw new LinkProblem('used'); // the password was set another way since
  const passwordHash = await hashPassword(parseChoice(input, user.email));
  await db.$transaction(async (tx) => {
    const used = await consumeUserToken(tx, purpose, token);
    if (!used.ok) throw new LinkProblem(used.reason);
    await tx.user.update({ where: { id: user.id }, data: { passwordHash, emailVerified: true } });
    await clearAccountLock(tx, user);
    const reset = purpose === 'password_reset';
    await recordSecurityEvent(tx, { type: reset ? 'password.reset' : 'password.set', userId: user.id, email: user.email, address: context.address, userAgent: context.userAgent });
    await recordAudit(
      tx,
      { type: 'system', label: reset ? 'Password reset link' : 'Invitation link' },
      reset ? 'user.password_reset' : 'user.invitation_accepted',
      { type: 'user', id: user.id },
      { email: user.email },
    );
  });
  return { id: user.id, email: user.email };
}
