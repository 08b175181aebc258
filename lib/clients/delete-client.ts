import type { Db } from '@/lib/db/client';
import { ServiceError } from '@/lib/errors/service-error';
import { recordAudit, type Actor } from '@/lib/audit/record-audit';
import { getClient } from './get-client';
import { changeClients } from './clients-version';
import { assertClientReachable, OPERATOR_ACCESS, type ClientAccess } from './client-access';
import { CONSOLE_CLIENT_DISABLE_REFUSAL, CONSOLE_CLIENT_ID, DEFAULT_CLIENT_DELETE_REFUSAL } from './default-clients';

/**
 * Deletes a client and everything issued to it: its secrets, codes, access and
 * refresh tokens, grants and remembered consents. Default clients cannot be deleted.
 */
export async function deleteClient(db: Db, clientId: string, actor: Actor, access: ClientAccess = OPERATOR_ACCESS): Promise<void> {
  await assertClientReachable(db, access, clientId, 'write');
  const row = await db.oAuthClient.findUnique({ where: { clientId }, select: { isDefault: true } });
  if (!row) throw new ServiceError('not_found', `No client has the ID ${clientId}`);
  if (row.isDefault) {
    throw new ServiceError('forbidden', DEFAULT_CLIENT_DELETE_REFUSAL);
  }
  const before = await getClient(db, clientId);
  await changeClients(db, async (tx) => {
    await tx.oidcModel.deleteMany({ where: { clientId } });
    await tx.userConsent.deleteMany({ where: { clientId } });
    await tx.oAuthClient.delete({ where: { clientId } });
    await recordAudit(tx, actor, 'client.deleted', { type: 'client', id: clientId }, { before });
  });
}

/** Disabled clients cannot authenticate or obtain tokens; their tokens stop working. */
export async function setClientEnabled(db: Db, clientId: string, enabled: boolean, actor: Actor, access: ClientAccess = OPERATOR_ACCESS): Promise<void> {
  await assertClientReachable(db, access, clientId, 'write');
  if (!enabled && clientId === CONSOLE_CLIENT_ID) {
    throw new ServiceError('forbidden', CONSOLE_CLIENT_DISABLE_REFUSAL);
  }
  await changeClients(db, async (tx) => {
    await tx.oAuthClient.update({ where: { clientId }, data: { enabled } });
    if (!enabled) await tx.oidcModel.deleteMany({ where: { clientId } });
    await recordAudit(tx, actor, enabled ? 'client.enabled' : 'client.disabled', { type: 'client', id: clientId });
  });
}
