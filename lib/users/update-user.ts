import type { Db } from '@/lib/db/client';
import { parseInput, ServiceError } from '@/lib/errors/service-error';
import { diff, recordAudit } from '@/lib/audit/record-audit';
import { recordSecurityEvent } from '@/lib/security-events/record-security-event';
import { revokeUserSessions } from '@/lib/sessions/user-sessions';
import { userUpdateSchema, type UserResponse } from './user-schema';
import { byWhom, checkMayChange } from './manage-user';
import { getUser } from './user-response';
import { refuseSyncedFieldChanges } from '@/lib/scim/user-source';
import type { UserManager } from './user-manager';

/**
 * An administrator's edit of a user: any subset of email, profile, role, email_verified,
 * mfa_required and disabled, in one transaction with one audit row (before and after).
 *
 * - A new email must be free (409 on `email`); unless `email_verified` is given too, the
 *   new address counts as unverified: nobody has shown they receive mail there.
 * - Role rules: nobody changes their own role or disables themselves; only super admins
 *   (or the platform token, or the CLI) give or remove the admin role and change
 *   administrators; super admins are changed only with the CLI.
 */
export async function updateUser(db: Db, manager: UserManager, userId: string, input: unknown): Promise<UserResponse> {
  const patch = parseInput(userUpdateSchema, input);
  const before = await db.user.findUnique({ where: { id: userId } });
  if (!before) throw new ServiceError('not_found', 'No such user');
  const self = manager.actor.id === userId;

  const current = {
    email: before.email,
    name: before.name,
    nickname: before.nickname,
    picture: before.picture,
    role: before.role,
    email_verified: before.emailVerified,
    mfa_required: before.mfaRequired,
    disabled: before.disabled,
  };
  const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined)) as Partial<typeof current>;
  if (given.email !== undefined && given.email !== before.email && given.email_verified === undefined) given.email_verified = false;
  const changes = diff(current, { ...current, ...given });
  const changed = Object.keys(changes.after ?? {});
  if (!changed.length) return getUser(db, userId);

  // The CLI stays the operator's way to correct a synced field by hand (the next sync may undo it).
  if (manager.actor.type !== 'cli') await refuseSyncedFieldChanges(db, before, changed);
  const profileOnly = changed.every((key) => key === 'name' || key === 'nickname' || key === 'picture');
  if (!profileOnly) checkMayChange(manager, before, 'change');
  if (changed.includes('role')) {
    if (self) throw new ServiceError('forbidden', 'You cannot change your own role', [{ path: 'role', message: 'You cannot change your own role' }]);
    if (!manager.managesAdmins) throw new ServiceError('forbidden', 'Only super admins can change roles', [{ path: 'role', message: 'Only super admins can change roles' }]);
  }
  if (changed.includes('disabled') && given.disabled && self) {
    throw new ServiceError('forbidden', 'You cannot disable your own account', [{ path: 'disabled', message: 'You cannot disable your own account' }]);
  }
  if (changed.includes('email')) {
    const taken = await db.user.findUnique({ where: { email: given.email! }, select: { id: true } });
    if (taken) throw new ServiceError('conflict', `A user with the email ${given.email} already exists`, [{ path: 'email', message: 'This email is already registered' }]);
  }

  const after = { ...current, ...given };
  await db
    .$transaction(async (tx) => {
      await tx.user.update({
        where: { id: userId },
        data: {
          email: after.email,
          name: after.name,
          nickname: after.nickname,
          picture: after.picture,
          role: after.role,
          emailVerified: after.email_verified,
          mfaRequired: after.mfa_required,
          disabled: after.disabled,
        },
      });
      await recordAudit(tx, manager.actor, 'user.updated', { type: 'user', id: userId }, changes);
      const event = { userId, email: after.email, address: manager.address, userAgent: manager.userAgent };
      if (changed.includes('email')) await recordSecurityEvent(tx, { ...event, type: 'email.changed', detail: { ...byWhom(manager.actor), from: before.email } });
      if (changed.includes('disabled')) await recordSecurityEvent(tx, { ...event, type: after.disabled ? 'account.disabled' : 'account.enabled', detail: byWhom(manager.actor) });
    })
    .catch((error: unknown) => {
      // Two edits racing for one address: the unique index decides, and the loser hears why.
      if ((error as { code?: string }).code === 'P2002')
        throw new ServiceError('conflict', `A user with the email ${after.email} already exists`, [{ path: 'email', message: 'This email is already registered' }]);
      throw error;
    });
  if (changed.includes('disabled') && after.disabled) await revokeUserSessions(db, userId);
  return getUser(db, userId);
}
