import type { Db } from '@/lib/db/client';
import { ServiceError } from '@/lib/errors/service-error';
import { SYNCED_FIELDS, syncedFieldReason } from './synced-fields';

/**
 * Where an account comes from, as the console shows it: "SCIM: Entra ID connector" for one
 * a directory connector provisioned, null for a local one. Its synced fields
 * (synced-fields.ts) belong to the directory: the console and the admin API refuse to
 * change them, since the next sync would undo the change.
 */

export async function userSources(db: Db, rows: { scimClientId: string | null }[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((row) => (row.scimClientId ? [row.scimClientId] : [])))];
  if (!ids.length) return new Map();
  const clients = await db.oAuthClient.findMany({ where: { clientId: { in: ids } }, select: { clientId: true, name: true } });
  const names = new Map(clients.map((client) => [client.clientId, client.name]));
  // A deleted connector still names the source by its client ID.
  return new Map(ids.map((id) => [id, `SCIM: ${names.get(id) ?? id}`]));
}

/** Refuses an edit of a synced field of a provisioned user, naming each field. */
export async function refuseSyncedFieldChanges(db: Db, user: { scimClientId: string | null }, changed: string[]): Promise<void> {
  if (!user.scimClientId) return;
  const synced = changed.filter((field) => (SYNCED_FIELDS as readonly string[]).includes(field));
  if (!synced.length) return;
  const source = (await userSources(db, [user])).get(user.scimClientId)!;
  throw new ServiceError(
    'invalid_request',
    `This user is provisioned by a directory connector (${source}): ${synced.join(', ')} can only change there`,
    synced.map((path) => ({ path, message: syncedFieldReason(source) })),
  );
}
