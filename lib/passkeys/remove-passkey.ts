import type { Db } from '@/lib/db/client';
import { recordAudit } from '@/lib/audit/record-audit';
import { parseInput, ServiceError } from '@/lib/errors/service-error';
import { recordSecurityEvent } from '@/lib/security-events/record-security-event';
import { requireManagesAdmins, type UserManager } from '@/lib/users/user-manager';
import type { RequestContext } from '@/lib/account/request-context';
import { passkeyIdSchema } from './passkey-schemas';

/**
 * Removes one passkey of `userId`: by its owner on the account page (`by` is where the
 * request came from) or by an administrator (`by` is the UserManager; an audit row too).
 * It stops working at once: its next sign-in is refused. Returns its name.
 */
export async function removePasskey(db: Db, userId: string, input: unknown, by: { owner: RequestContext } | { manager: UserManager }): Promise<string> {
  const { passkeyId } = parseInput(passkeyIdSchema, input, 'The passkey was not removed');
  const passkey = await db.passkey.findFirst({ where: { id: passkeyId, userId }, select: { id: true, name: true, user: { select: { email: true, role: true } } } });
  if (!passkey) throw new ServiceError('not_found', 'That passkey was removed already');
  if ('manager' in by) requireManagesAdmins(by.manager, passkey.user.role, 'remove a passkey of');
  const context = 'owner' in by ? by.owner : { address: by.manager.address, userAgent: by.manager.userAgent };
  const about = { passkey_id: passkey.id, name: passkey.name };
  await db.$transaction(async (tx) => {
    const { count } = await tx.passkey.deleteMany({ where: { id: passkey.id } });
    if (count !== 1) throw new ServiceError('not_found', 'That passkey was removed already');
    if ('manager' in by) await recordAudit(tx, by.manager.actor, 'user.passkey_removed', { type: 'user', id: userId }, { before: about });
    await recordSecurityEvent(tx, {
      type: 'passkey.removed',
      userId,
      email: passkey.user.email,
      ...context,
      detail: { ...about, ...('manager' in by ? { by: by.manager.actor.label, by_type: by.manager.actor.type } : { source: 'account_page' }) },
    });
  });
  return passkey.name;
}
