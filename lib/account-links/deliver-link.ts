import type { Db } from '@/lib/db/client';
import type { OutgoingMail } from '@/lib/mail/send-mail';
import { sendMail } from '@/lib/mail/send-mail';
import { ServiceError } from '@/lib/errors/service-error';
import { recordAudit, type Actor } from '@/lib/audit/record-audit';
import { issueUserToken, type UserTokenPurpose } from './user-tokens';
import { accountLinkUrl } from './link-url';

/**
 * How an admin-triggered link reached the person:
 * - `queued`: emailed (or queued for a retry while the SMTP server is down);
 * - `link`: not emailed, because mail is not configured (`not_configured`) or this
 *   address got too many emails lately (`limited`). The admin hands `link` over: show it
 *   once, never log or store it.
 */
export type LinkDelivery = { delivery: 'queued' } | { delivery: 'link'; link: string; reason: 'not_configured' | 'limited' };

export interface LinkTarget {
  id: string;
  email: string;
  disabled: boolean;
}

/** The user an admin is sending a link to, refused when disabled (the link would not work). */
export async function linkTarget(db: Db, userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true, disabled: true, passwordHash: true } });
  if (!user) throw new ServiceError('not_found', 'No such user');
  if (user.disabled) throw new ServiceError('conflict', `${user.email} is disabled: enable the account before sending it a link`);
  return user;
}

/**
 * Issues the link (retiring the user's earlier ones of that purpose) with its audit
 * record in one transaction, then emails it or hands it back. The email is sent after
 * the commit: sendMail may wait on the SMTP server, which no transaction should.
 */
export async function deliverLink(
  db: Db,
  actor: Actor,
  user: LinkTarget,
  purpose: Extract<UserTokenPurpose, 'password_reset' | 'invitation'>,
  mail: (link: string) => OutgoingMail,
): Promise<LinkDelivery> {
  const token = await db.$transaction(async (tx) => {
    const issued = await issueUserToken(tx, { userId: user.id, purpose, email: user.email });
    await recordAudit(tx, actor, purpose === 'invitation' ? 'user.invitation_sent' : 'user.password_reset_sent', { type: 'user', id: user.id }, { email: user.email });
    return issued;
  });
  const link = accountLinkUrl(purpose, token);
  const { delivery } = await sendMail(db, mail(link));
  return delivery === 'queued' ? { delivery } : { delivery: 'link', link, reason: delivery };
}
