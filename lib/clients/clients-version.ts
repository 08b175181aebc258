import { randomUUID } from 'node:crypto';
import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/sqlite/client';

/**
 * A settings row whose value changes whenever a client changes in a way the token
 * endpoint must see (edit, disable, delete, a new secret). Running servers cache clients
 * and poll this one row to drop their cache, so a change made by another instance or by
 * the CLI takes effect everywhere within a second (see lib/oidc/client-cache.ts).
 */
export const CLIENTS_VERSION_KEY = 'clients.version';

type ClientsChangedListener = () => void;

// On globalThis: Next.js may load this module more than once in one process, and a
// change made through one copy must reach a cache subscribed through another.
const registry = globalThis as unknown as { thalamusClientsChangedListeners?: Set<ClientsChangedListener> };
const listeners = (registry.thalamusClientsChangedListeners ??= new Set());

/**
 * Calls `listener` after every client change this process commits (the provider's client
 * cache drops its entries at once). Returns the function that unsubscribes it.
 */
export function onClientsChanged(listener: ClientsChangedListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The one way to change clients: runs `change` in a transaction that also bumps the
 * clients version, then tells this process's listeners. They hear of it only once the
 * transaction has committed: a cache dropped earlier could be refilled, by a request
 * running in between, with the row as it was before the change.
 */
export async function changeClients<T>(db: Db, change: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  const result = await db.$transaction(async (tx) => {
    const value = await change(tx);
    await markClientsChanged(tx);
    return value;
  });
  for (const listener of listeners) listener();
  return result;
}

async function markClientsChanged(tx: Pick<Db, 'setting'>): Promise<void> {
  const value = randomUUID();
  await tx.setting.upsert({ where: { key: CLIENTS_VERSION_KEY }, create: { key: CLIENTS_VERSION_KEY, value }, update: { value } });
}

export async function readClientsVersion(db: Pick<Db, 'setting'>): Promise<string> {
  const row = await db.setting.findUnique({ where: { key: CLIENTS_VERSION_KEY }, select: { value: true } });
  return row?.value ?? '';
}
