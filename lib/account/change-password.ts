import type { Db } from '@/lib/db/client';
import { ServiceError, fieldProblems, type FieldProblem } from '@/lib/errors/service-error';
import { hashPassword } from '@/lib/users/password';
import { passwordChoiceSchema, passwordPolicyProblem } from '@/lib/users/password-policy';
import { revokeUserSessions } from '@/lib/sessions/user-sessions';
import { recordSecurityEvent } from '@/lib/security-events/record-security-event';
import { passwordChangeSchema } from './account-schemas';
import { checkCurrentPassword, proofProblem } from './current-password';
import type { AccountActor, RequestContext } from './request-context';

/**
 * A person changes their own password: the current one first, then the new one under
 * the password policy. Every other session ends (someone who knew the old password may
 * be signed in elsewhere: OWASP Session Management Cheat Sheet, "Renew the session ID
 * after any privilege level change"), the one making the change stays signed in.
 * Returns how many other sessions ended.
 */
export async function changeOwnPassword(
  db: Db,
  actor: AccountActor,
  input: { current?: unknown; password?: unknown; confirm?: unknown },
  context: RequestContext,
): Promise<number> {
  const current = passwordChangeSchema.safeParse({ current: input.current });
  const choice = passwordChoiceSchema.safeParse({ password: input.password, confirm: input.confirm });
  const problems: FieldProblem[] = [...(current.success ? [] : fieldProblems(current.error)), ...(choice.success ? [] : fieldProblems(choice.error))];
  if (choice.success) {
    const personal = passwordPolicyProblem(choice.data.password, { email: actor.email });
    if (personal) problems.push({ path: 'password', message: personal });
    else if (current.success && choice.data.password === current.data.current) problems.push({ path: 'password', message: 'Choose a password different from the current one' });
  }
  if (problems.length || !current.success || !choice.success) throw new ServiceError('invalid_request', 'The password was not changed', problems);

  const proof = await checkCurrentPassword(db, actor.userId, current.data.current);
  if (proof !== 'ok') throw new ServiceError('invalid_request', 'The password was not changed', [{ path: 'current', message: proofProblem(proof) }]);

  await db.user.update({ where: { id: actor.userId }, data: { passwordHash: await hashPassword(choice.data.password) } });
  const ended = await revokeUserSessions(db, actor.userId, { except: actor.sessionId });
  await recordSecurityEvent(db, { type: 'password.changed', userId: actor.userId, email: actor.email, ...context, detail: { other_sessions_ended: ended } });
  return ended;
}
