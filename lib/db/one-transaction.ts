import type { Db } from './client';
import type { Prisma } from './generated/sqlite/client';

const AFTER_COMMIT = Symbol('thalamus.afterCommit');

/** How long one multi-entity change may hold its transaction (Prisma's default is 5 s). */
const ONE_TRANSACTION_TIMEOUT_MS = 60_000;

/**
 * Runs `work` in one database transaction and hands it a `Db` bound to that transaction:
 * a service called with it works as it always does, but its own `db.$transaction` joins
 * this one instead of opening another, so several services' writes (and their audit
 * events) commit or roll back together. What a service would do once its change has
 * committed (`afterCommit`: dropping caches) waits until this transaction has.
 */
export async function inOneTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  const committed: (() => void)[] = [];
  const result = await db.$transaction(async (tx) => work(joined(tx, committed)), { timeout: ONE_TRANSACTION_TIMEOUT_MS, maxWait: ONE_TRANSACTION_TIMEOUT_MS });
  for (const callback of committed) callback();
  return result;
}

/** Calls `callback` once `db`'s transaction has committed: at once for a plain client. */
export function afterCommit(db: Pick<Db, '$transaction'>, callback: () => void): void {
  const queue = (db as unknown as { [AFTER_COMMIT]?: (() => void)[] })[AFTER_COMMIT];
  if (queue) queue.push(callback);
  else callback();
}

function joined(tx: Prisma.TransactionClient, committed: (() => void)[]): Db {
  const bound: Db = new Proxy(tx, {
    get(target, property) {
      if (property === AFTER_COMMIT) return committed;
      if (property === '$transaction') return joinTransaction;
      const value: unknown = Reflect.get(target, property);
      // `$queryRaw` and the like run against the transaction client itself, not this wrapper.
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  }) as unknown as Db;
  // Interactive form: run in the open transaction. Batch form: its queries, in order, in it too.
  const joinTransaction = async (work: unknown) => (typeof work === 'function' ? (work as (tx: Db) => Promise<unknown>)(bound) : sequentially(work as PromiseLike<unknown>[]));
  return bound;
}

async function sequentially(queries: PromiseLike<unknown>[]): Promise<unknown[]> {
  const results: unknown[] = [];
  for (const query of queries) results.push(await query);
  return results;
}
