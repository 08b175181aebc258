import { randomUUID } from 'node:crypto';
import type { Db } from '@/lib/db/client';

/**
 * A settings row whose value changes whenever a client changes in a way the token
 * endpoint must see (edit, disable, delete). Running servers cache clients and poll
 * this one row to drop their cache, so a change made by another instance or by the CLI
 * takes effect everywhere within a second (see lib/oidc/client-cache.ts).
 */
export const CLIENTS_VERSION_KEY = 'clients.version';

/** Call inside the transaction that changes a client. */
export async function markClientsChanged(tx: Pick<Db, 'setting'>): Promise<void> {
  const value = randomUUID();
  await tx.setting.upsert({ where: { key: CLIENTS_VERSION_KEY }, create: { key: CLIENTS_VERSION_KEY, value }, update: { value } });
}

export async function readClientsVersion(db: Pick<Db, 'setting'>): Promise<string> {
  const row = await db.setting.findUnique({ where: { key: CLIENTS_VERSION_KEY }, select: { value: true } });
  return row?.value ?? '';
}
