import type { Db } from '@/lib/db/client';
import type { Actor } from '@/lib/audit/record-audit';
import { ServiceError } from '@/lib/errors/service-error';
import { invitationMail } from './link-mail';
import { choosePasswordWithLink, type RequestContext } from './choose-password';
import { deliverLink, linkTarget, type LinkDelivery } from './deliver-link';

/**
 * Invitations: a user an administrator created without a password gets a link (7 days)
 * to choose one. Following it also proves the address, so `email_verified` becomes true.
 */

/**
 * Sends (or sends again) the invitation of a user who has no password yet; earlier
 * invitation links stop working. Returns `{ delivery: 'queued' }`, or `{ delivery:
 * 'link', link }` when mail is not configured (or the address got too many emails
 * lately): a one-time link the admin hands over (show it once; never log it). Audited as
 * `user.invitation_sent`. ServiceError `not_found` for an unknown user, `conflict` for a
 * disabled one or one that has a password already (send a password reset instead).
 */
export async function sendInvitation(db: Db, actor: Actor, userId: string): Promise<LinkDelivery> {
  const user = await linkTarget(db, userId);
  if (user.passwordHash) throw new ServiceError('conflict', `${user.email} has set a password already: send a password reset instead`);
  return deliverLink(db, actor, user, 'invitation', (link) => invitationMail(user.email, link, user.name));
}

/**
 * The invitation link's page: sets the first password (`{ password, confirm }`, held to
 * the password policy), marks the email verified, records `password.set` and the audit
 * event `user.invitation_accepted`. Throws LinkProblem (expired | used | invalid) or a
 * ServiceError with `password` / `confirm` field errors; nothing changes then.
 */
export async function acceptInvitation(
  db: Db,
  token: string,
  input: { password: unknown; confirm: unknown },
  context: Partial<RequestContext> = {},
): Promise<{ id: string; email: string }> {
  return choosePasswordWithLink(db, 'invitation', token, input, context);
}
