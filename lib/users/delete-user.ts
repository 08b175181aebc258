import type { Db } from '@/lib/db/client';
import { ServiceError } from '@/lib/errors/service-error';
import { recordAudit } from '@/lib/audit/record-audit';
import { recordSecurityEvent } from '@/lib/security-events/record-security-event';
import { revokeUserGrants, revokeUserSessions } from '@/lib/sessions/user-sessions';
import { clearAccountLock } from './account-lock';
import { byWhom, checkMayChange, existingUser } from './manage-user';
import type { UserManager } from './user-manager';

/**
 * Deletes a user and everything that lets anyone act as them: their sign-in sessions,
 * every grant with its codes and tokens, their consents, recovery codes and emailed
 * links (these last go with the row). The audit log and the security events keep their
 * history (security events are not tied to the row). Nobody deletes themselves; only
 * super admins delete administrators, and super admins go only with the CLI, never the last one.
 */
export async function deleteUser(db: Db, manager: UserManager, userId: string): Promise<void> {
  const user = await existingUser(db, userId);
  if (manager.actor.id === userId) throw new ServiceError('forbidden', 'You cannot delete your own account');
  checkMayChange(manager, user, 'delete');
  if (user.role === 'super_admin' && (await db.user.count({ where: { role: 'super_admin', disabled: false, id: { not: userId } } })) === 0) {
    throw new ServiceError('forbidden', 'This is the last super admin: create another one first (`npx thalamus admins create`)');
  }
  // Sessions and grants first: a sign-in racing the delete cannot outlive it, as the
  // provider no longer finds the account once the row is gone.
  await revokeUserSessions(db, userId);
  await revokeUserGrants(db, userId);
  await clearAccountLock(db, user);
  await db.$transaction(async (tx) => {
    await tx.user.delete({ where: { id: userId } });
    await recordAudit(tx, manager.actor, 'user.deleted', { type: 'user', id: userId }, { before: { email: user.email, role: user.role } });
    await recordSecurityEvent(tx, { type: 'account.deleted', userId, email: user.email, address: manager.address, userAgent: manager.userAgent, detail: byWhom(manager.actor) });
  });
}
