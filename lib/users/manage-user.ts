import type { Db } from '@/lib/db/client';
import { ServiceError } from '@/lib/errors/service-error';
import { recordAudit, type Actor } from '@/lib/audit/record-audit';

async function existing(db: Db, userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, role: true } });
  if (!user) throw new ServiceError('not_found', 'No such user');
  return user;
}

/**
 * Disabling a user ends their sign-ins at once: the provider stops resolving the
 * account, so its sessions and tokens no longer work. Nobody can disable themselves.
 */
export async function setUserDisabled(db: Db, actor: Actor, userId: string, disabled: boolean): Promise<void> {
  await existing(db, userId);
  if (disabled && actor.id === userId) throw new ServiceError('forbidden', 'You cannot disable your own account');
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { disabled } });
    await recordAudit(tx, actor, disabled ? 'user.disabled' : 'user.enabled', { type: 'user', id: userId });
  });
}

/** Grants or removes the admin role. Super admins are managed with the CLI; nobody changes their own role. */
export async function setUserAdmin(db: Db, actor: Actor, userId: string, admin: boolean): Promise<void> {
  const user = await existing(db, userId);
  if (actor.id === userId) throw new ServiceError('forbidden', 'You cannot change your own role');
  if (user.role === 'super_admin') throw new ServiceError('forbidden', 'Super admins are managed with `npx thalamus admins`');
  const role = admin ? 'admin' : 'user';
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { role } });
    await recordAudit(tx, actor, 'user.role_changed', { type: 'user', id: userId }, { before: { role: user.role }, after: { role } });
  });
}

export async function resetUserMfa(db: Db, actor: Actor, userId: string): Promise<void> {
  await existing(db, userId);
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: userId }, data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null } });
    await tx.recoveryCode.deleteMany({ where: { userId } });
    await recordAudit(tx, actor, 'user.mfa_reset', { type: 'user', id: userId });
  });
}
