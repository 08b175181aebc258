import { randomUUID } from 'node:crypto';
import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/sqlite/client';
import { afterCommit } from './one-transaction';

type Listener = () => void;

/** One kind of change that running servers cache against, announced through a settings row. */
export interface VersionedChange {
  /** Calls `listener` after every such change this process commits; returns the unsubscribe. */
  onChanged(listener: Listener): () => void;
  /**
   * The one way to make the change: `change` runs in a transaction that also bumps the
   * version, and listeners hear of it only once it has committed (a cache dropped earlier
   * could be refilled, by a request running in between, with the rows as they were).
   */
  change<T>(db: Db, change: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T>;
  /** Bumps the version inside a transaction the caller already holds. */
  mark(tx: Pick<Db, 'setting'>): Promise<void>;
  /** The current version, which other instances poll (at most once a second) to drop their caches. */
  read(db: Pick<Db, 'setting'>): Promise<string>;
}

/**
 * A versioned change kept in the settings row `key`. Listeners live on globalThis: Next.js
 * may load a module more than once in one process, and a change made through one copy
 * must reach a cache subscribed through another.
 */
export function versionedChange(key: string): VersionedChange {
  const registry = globalThis as unknown as { thalamusChangeListeners?: Map<string, Set<Listener>> };
  const all = (registry.thalamusChangeListeners ??= new Map());
  const listeners = all.get(key) ?? new Set<Listener>();
  all.set(key, listeners);

  const mark = async (tx: Pick<Db, 'setting'>) => {
    const value = randomUUID();
    await tx.setting.upsert({ where: { key }, create: { key, value }, update: { value } });
  };
  return {
    onChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async change(db, change) {
      const result = await db.$transaction(async (tx) => {
        const value = await change(tx);
        await mark(tx);
        return value;
      });
      // Inside inOneTransaction the outer transaction commits later: listeners wait for it.
      afterCommit(db, () => {
        for (const listener of listeners) listener();
      });
      return result;
    },
    mark,
    async read(db) {
      const row = await db.setting.findUnique({ where: { key }, select: { value: true } });
      return row?.value ?? '';
    },
  };
}
