import { PrismaPg } from '@prisma/adapter-pg';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { PrismaClient as PostgresClient } from './generated/postgresql/client.ts';
import { PrismaClient as SqliteClient } from './generated/sqlite/client.ts';
import { databaseTarget, type DatabaseTarget } from './database-url.ts';
import { sqliteBindingOptions } from './sqlite-binding.ts';
import { PrismaBetterSqlite3WithLikeEscape } from './sqlite-like.ts';
import { countingStatements } from './statement-count.ts';

/**
 * One Prisma client type for the whole code base. The two generated clients come from
 * the same schema and expose the same model API; only the SQL dialect inside differs.
 */
export type Db = SqliteClient;

/** How long SQLite waits for a competing writer before giving up (ms). */
const SQLITE_BUSY_TIMEOUT_MS = 5_000;

/**
 * How long a new PostgreSQL connection may take (ms). pg's default is to wait forever: when
 * the database host stops answering (packets dropped rather than refused) every request
 * would hang for the whole outage and pile up. With a limit it fails in seconds with a
 * clean server_error, and the next request tries a fresh connection.
 */
const POSTGRES_CONNECT_TIMEOUT_MS = 5_000;

export function createDb(target: DatabaseTarget = databaseTarget()): Db {
  if (target.provider === 'postgresql') {
    const adapter = countingStatements(
      new PrismaPg({ connectionString: target.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10), connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS }),
    );
    return new PostgresClient({ adapter }) as unknown as Db;
  }
  if (target.url !== ':memory:') mkdirSync(dirname(target.url), { recursive: true });
  const adapter = countingStatements(new PrismaBetterSqlite3WithLikeEscape({ url: target.url, timeout: SQLITE_BUSY_TIMEOUT_MS, ...sqliteBindingOptions() }));
  return new SqliteClient({ adapter });
}

/**
 * Per-connection SQLite settings. WAL lets readers run beside the writer; NORMAL sync
 * in WAL mode survives a process crash (only an OS crash may lose the last commits).
 */
export async function tuneSqlite(db: Db): Promise<void> {
  await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
  await db.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
  await db.$queryRawUnsafe('PRAGMA foreign_keys = ON');
}

const globalForDb = globalThis as unknown as { thalamusDb?: Promise<Db> };

/** The process-wide client, created on first use with its connection settings applied. */
export function getDb(): Promise<Db> {
  globalForDb.thalamusDb ??= (async () => {
    const target = databaseTarget();
    const client = createDb(target);
    if (target.provider === 'sqlite') await tuneSqlite(client);
    return client;
  })().catch((error: unknown) => {
    globalForDb.thalamusDb = undefined;
    throw error;
  });
  return globalForDb.thalamusDb;
}

/** Closes the process-wide client (CLI commands and tests call this before exiting). */
export async function closeDb(): Promise<void> {
  const pending = globalForDb.thalamusDb;
  globalForDb.thalamusDb = undefined;
  if (pending) await (await pending).$disconnect();
}
