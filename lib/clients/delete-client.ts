import type { Db } from '@/lib/db/client';
import { ServiceError } from '@/lib/errors/service-error';

/**
 * Deletes a client and everything issued to it: its secrets, codes, access and
 * refresh tokens, grants and remembered consents. Default clients cannot be deleted.
 */
export async function deleteClient(db: Db, clientId: string): Promise<void> {
  const row = await db.oAuthClient.findUnique({ where: { clientId }, select: { isDefault: true } });
  if (!row) throw new ServiceError('not_found', `No client has the ID ${clientId}`);
  if (row.isDefault) {
    throw new ServiceError('forbidden', 'Default clients cannot be deleted: the console, the mobile and desktop apps and directory sync need them');
  }
  await db.$transaction([
    db.oidcModel.deleteMany({ where: { clientId } }),
    db.userConsent.deleteMany({ where: { clientId } }),
    db.oAuthClient.delete({ where: { clientId } }),
  ]);
}

/** Disabled clients cannot authenticate or obtain tokens; their tokens stop working. */
export async function setClientEnabled(db: Db, clientId: string, enabled: boolean): Promise<void> {
  const row = await db.oAuthClient.findUnique({ where: { clientId }, select: { isDefault: true } });
  if (!row) throw new ServiceError('not_found', `No client has the ID ${clientId}`);
  if (!enabled && clientId === 'thalamus-console') {
    throw new ServiceError('forbidden', 'The Thalamus Console client cannot be disabled: administrators sign in with it');
  }
  await db.$transaction([
    db.oAuthClient.update({ where: { clientId }, data: { enabled } }),
    ...(enabled ? [] : [db.oidcModel.deleteMany({ where: { clientId } })]),
  ]);
}
