import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQueryable, Transaction } from '@prisma/driver-adapter-utils';

/**
 * Counts the SQL statements this process sends to its database, whichever database it
 * is: every query, every write, and a transaction's BEGIN and COMMIT/ROLLBACK. Prisma
 * sends them all through its driver adapter, so wrapping the adapter sees them all (the
 * adapters issue BEGIN themselves; Prisma sends COMMIT and ROLLBACK as statements).
 * Exported as thalamus_db_statements_total (lib/observability/metrics.ts); the benchmark
 * divides it by sign-ins and token requests. Kept on globalThis: Next.js may load this
 * module once per route bundle, and every copy must count into the same total.
 */
const KEY = Symbol.for('thalamus.db.statements');
const holder = globalThis as { [KEY]?: { count: number } };
const counter = (holder[KEY] ??= { count: 0 });

/** Statements sent since the process started. */
export function statementsSent(): number {
  return counter.count;
}

/** `factory`, with every connection it opens counting its statements. */
export function countingStatements<F extends SqlDriverAdapterFactory>(factory: F): F {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => counted(await connect());
  return factory;
}

function counted(adapter: SqlDriverAdapter): SqlDriverAdapter {
  countQueries(adapter);
  const startTransaction = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (isolationLevel) => {
    const transaction: Transaction = await startTransaction(isolationLevel);
    counter.count++; // the adapter's own BEGIN
    countQueries(transaction);
    return transaction;
  };
  return adapter;
}

function countQueries(queryable: SqlQueryable): void {
  const queryRaw = queryable.queryRaw.bind(queryable);
  const executeRaw = queryable.executeRaw.bind(queryable);
  queryable.queryRaw = (query) => (counter.count++, queryRaw(query));
  queryable.executeRaw = (query) => (counter.count++, executeRaw(query));
}
