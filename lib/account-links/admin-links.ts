import type { Db } from '@/lib/db/client';
import { ServiceError } from '@/lib/errors/service-error';
import { requireManagesAdmins, type UserManager } from '@/lib/users/user-manager';
import type { LinkDelivery } from './deliver-link';
import { sendInvitation } from './invitation';
import { sendPasswordResetLink } from './password-reset';

/** What an administrator can send a person: a password reset, or (no password yet) an invitation. */
export const ACCOUNT_LINK_KINDS = ['password_reset', 'invitation'] as const;
export type AccountLinkKind = (typeof ACCOUNT_LINK_KINDS)[number];

/**
 * "Send password reset" and "Resend invitation" in the console and at
 * `POST /api/users/{id}/password-reset|invitation`. Without mail the link comes back to
 * the caller, who could then sign in as the person, so sending one takes the right to
 * change the account: an administrator's only for those who manage administrators, a
 * super admin's only to themselves (the CLI sends any). Anyone may send their own.
 * Answers as sendPasswordResetLink / sendInvitation do: emailed, or the one-time link.
 */
export async function sendAccountLink(db: Db, manager: UserManager, userId: string, kind: AccountLinkKind): Promise<LinkDelivery> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true } });
  if (!user) throw new ServiceError('not_found', 'No such user');
  if (manager.actor.type !== 'cli' && manager.actor.id !== userId) {
    if (user.role === 'super_admin') throw new ServiceError('forbidden', 'Links for super admins are sent with `npx thalamus users reset-password`');
    requireManagesAdmins(manager, user.role, 'send a link to');
  }
  return kind === 'invitation' ? sendInvitation(db, manager.actor, userId) : sendPasswordResetLink(db, manager.actor, userId);
}
