import type { Db } from '@/lib/db/client';
import { ServiceError } from '@/lib/errors/service-error';

async function existing(db: Db, userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, role: true } });
  if (!user) throw new ServiceError('not_found', 'No such user');
  return user;
}

/**
 * Disabling a user ends their sign-ins at once: the provider stops resolving the
 * account, so its sessions and tokens no longer work. Nobody can disable themselves.
 */
export async function setUserDisabled(db: Db, actorId: string, userId: string, disabled: boolean): Promise<void> {
  await existing(db, userId);
  if (disabled && actorId === userId) throw new ServiceError('forbidden', 'You cannot disable your own account');
  await db.user.update({ where: { id: userId }, data: { disabled } });
}

/** Grants or removes the admin role. Super admins are managed with the CLI; nobody changes their own role. */
export async function setUserAdmin(db: Db, actorId: string, userId: string, admin: boolean): Promise<void> {
  const user = await existing(db, userId);
  if (actorId === userId) throw new ServiceError('forbidden', 'You cannot change your own role');
  if (user.role === 'super_admin') throw new ServiceError('forbidden', 'Super admins are managed with `npx thalamus admins`');
  await db.user.update({ where: { id: userId }, data: { role: admin ? 'admin' : 'user' } });
}
