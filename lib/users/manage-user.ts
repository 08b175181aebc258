import type { Db } from '@/lib/db/client';
import { ServiceError } from '@/lib/errors/service-error';
import { recordAudit, type Actor } from '@/lib/audit/record-audit';
import { recordSecurityEvent } from '@/lib/security-events/record-security-event';
import { revokeUserSessions } from '@/lib/sessions/user-sessions';
import { clearAccountLock, lockedUntil } from './account-lock';
import { refuseSuperAdmin, requireManagesAdmins, type UserManager } from './user-manager';

export async function existingUser(db: Db, userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, role: true, disabled: true } });
  if (!user) throw new ServiceError('not_found', 'No such user');
  return user;
}

/** Who did it, as a security event's detail shows it (never more than the audit log's actor label). */
export const byWhom = (actor: Actor) => ({ by: actor.label, by_type: actor.type });

/** Super admins are changed only with the CLI; administrators only by those who manage them. */
export function checkMayChange(manager: UserManager, target: { role: string }, what: string): void {
  if (manager.actor.type !== 'cli') refuseSuperAdmin(target.role, what);
  requireManagesAdmins(manager, target.role, what);
}

/**
 * Disabling a user ends their sign-ins at once: the provider stops resolving the
 * account, so its tokens no longer work, and their sign-in sessions are deleted (the
 * console's own check, lib/console/require-admin.ts, then refuses an admin's next
 * request too). Nobody can disable themselves.
 */
export async function setUserDisabled(db: Db, manager: UserManager, userId: string, disabled: boolean): Promise<void> {
  const user = await existingUser(db, userId);
  if (disabled && manager.actor.id === userId) throw new ServiceError('forbidden', 'You cannot disable your own account');
  checkMayChange(manager, user, disabled ? 'disable' : 'enable');
  if (user.disabled === disabled) return;
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { disabled } });
    await recordAudit(tx, manager.actor, disabled ? 'user.disabled' : 'user.enabled', { type: 'user', id: userId });
    await recordSecurityEvent(tx, { type: disabled ? 'account.disabled' : 'account.enabled', userId, email: user.email, ...where(manager), detail: byWhom(manager.actor) });
  });
  if (disabled) await revokeUserSessions(db, userId);
}

/** Grants or removes the admin role. Super admins are managed with the CLI; nobody changes their own role. */
export async function setUserAdmin(db: Db, manager: UserManager, userId: string, admin: boolean): Promise<void> {
  const user = await existingUser(db, userId);
  if (manager.actor.id === userId) throw new ServiceError('forbidden', 'You cannot change your own role');
  if (user.role === 'super_admin') throw new ServiceError('forbidden', 'Super admins are managed with `npx thalamus admins`');
  if (!manager.managesAdmins) throw new ServiceError('forbidden', 'Only super admins can change roles');
  const role = admin ? 'admin' : 'user';
  if (role === user.role) return;
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { role } });
    await recordAudit(tx, manager.actor, 'user.role_changed', { type: 'user', id: userId }, { before: { role: user.role }, after: { role } });
  });
}

/** Removes the authenticator and the recovery codes: the user signs in with the password alone, or enrolls again if required to. */
export async function resetUserMfa(db: Db, manager: UserManager, userId: string): Promise<void> {
  const user = await existingUser(db, userId);
  requireManagesAdmins(manager, user.role, 'reset two-step verification of');
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await recordAudit(tx, manager.actor, 'user.mfa_reset', { type: 'user', id: userId });
    await recordSecurityEvent(tx, { type: 'mfa.reset', userId, email: user.email, ...where(manager), detail: byWhom(manager.actor) });
  });
}

/**
 * Lifts a lockout after too many failed sign-ins (OWASP Authentication Cheat Sheet,
 * "Account Lockout": an admin can unlock before the window ends). The per-address
 * counters stay: they protect every account from a spraying address.
 */
export async function unlockUser(db: Db, manager: UserManager, userId: string): Promise<{ was_locked: boolean }> {
  const user = await existingUser(db, userId);
  const locked = (await lockedUntil(db, [user])).get(user.id);
  await clearAccountLock(db, user);
  await db.$transaction(async (tx) => {
    await recordAudit(tx, manager.actor, 'user.unlocked', { type: 'user', id: userId }, locked ? { before: { locked_until: locked.toISOString() } } : {});
    await recordSecurityEvent(tx, { type: 'account.unlocked', userId, email: user.email, ...where(manager), detail: byWhom(manager.actor) });
  });
  return { was_locked: !!locked };
}

/**
 * Signs the user out of Thalamus in every browser: their next visit to an application
 * asks for the password again. Tokens applications already hold keep working until
 * they expire; revoking those is "Remove access" (revokeUserGrants), a separate choice.
 */
export async function revokeAllSessions(db: Db, manager: UserManager, userId: string): Promise<{ revoked: number }> {
  const user = await existingUser(db, userId);
  requireManagesAdmins(manager, user.role, 'sign out');
  const revoked = await revokeUserSessions(db, userId);
  await db.$transaction(async (tx) => {
    await recordAudit(tx, manager.actor, 'user.sessions_revoked', { type: 'user', id: userId }, { after: { sessions: revoked } });
    await recordSecurityEvent(tx, { type: 'sessions.revoked', userId, email: user.email, ...where(manager), detail: { ...byWhom(manager.actor), sessions: revoked } });
  });
  return { revoked };
}

function where(manager: UserManager) {
  return { address: manager.address, userAgent: manager.userAgent };
}
