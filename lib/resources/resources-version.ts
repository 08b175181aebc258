import { randomUUID } from 'node:crypto';
import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/sqlite/client';

/**
 * A settings row whose value changes whenever the scope registry or an API resource
 * changes. The provider keeps the registry in memory (resource-registry.ts) and polls this
 * one row, so a change made by another instance or the CLI reaches every server within a
 * second, and no token request queries the resources tables.
 */
export const RESOURCES_VERSION_KEY = 'resources.version';

type Listener = () => void;
const registry = globalThis as unknown as { thalamusResourcesChangedListeners?: Set<Listener> };
const listeners = (registry.thalamusResourcesChangedListeners ??= new Set());

/** Calls `listener` after every registry change this process commits; returns the unsubscribe. */
export function onResourcesChanged(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * The one way to change API resources or registry scopes: `change` runs in a transaction
 * that also bumps the version; listeners hear of it after the commit (see changeClients).
 */
export async function changeResources<T>(db: Db, change: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  const result = await db.$transaction(async (tx) => {
    const value = await change(tx);
    await markResourcesChanged(tx);
    return value;
  });
  for (const listener of listeners) listener();
  return result;
}

export async function markResourcesChanged(tx: Pick<Db, 'setting'>): Promise<void> {
  const value = randomUUID();
  await tx.setting.upsert({ where: { key: RESOURCES_VERSION_KEY }, create: { key: RESOURCES_VERSION_KEY, value }, update: { value } });
}

export async function readResourcesVersion(db: Pick<Db, 'setting'>): Promise<string> {
  const row = await db.setting.findUnique({ where: { key: RESOURCES_VERSION_KEY }, select: { value: true } });
  return row?.value ?? '';
}
