import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { DatabaseTarget } from './database-url';
import { sqliteBindingOptions } from './sqlite-binding';

/**
 * `thalamus db backup`: a consistent copy of the database while the server runs.
 *
 * What a backup leaves out, on purpose: the provider's artefacts (oidc_models:
 * sessions, grants, authorization codes, access and refresh tokens). A restored
 * database would otherwise bring back every refresh token that was live when the
 * backup was taken, including those rotated or revoked since: a rotated refresh token
 * that was stolen could be replayed against the restored server (RFC 9700 §4.14.2
 * expects it to stay dead). The restored database cannot tell which tokens were
 * rotated after the backup (that history is exactly what was lost), so the only
 * correct rule is that none survive. Applications sign their users in again after a
 * restore; clients, users, consents, keys and settings are all restored. It also
 * keeps bearer credentials out of backup files.
 */
export class BackupError extends Error {}

/** The provider's artefacts table, left out of every backup (see above). */
const TOKENS_TABLE = 'oidc_models';

/** Options libpq does not know (Prisma's own URL parameters); pg_dump rejects them. */
const PRISMA_ONLY_PARAMS = ['schema', 'connection_limit', 'pool_timeout', 'pgbouncer', 'statement_cache_size', 'socket_timeout'];

export interface BackupResult {
  provider: DatabaseTarget['provider'];
  file: string;
  bytes: number;
}

/** `<data directory>/backups/thalamus-<UTC timestamp>.db|.dump`; the data directory holds the SQLite file, or is ./data. */
export function defaultBackupFile(target: DatabaseTarget, now = new Date()): string {
  const dataDir = target.provider === 'sqlite' ? dirname(target.url) : resolve(process.cwd(), 'data');
  const stamp = now
    .toISOString()
    .replace(/\.\d+Z$/, 'Z')
    .replace(/:/g, '-');
  return join(dataDir, 'backups', `thalamus-${stamp}.${target.provider === 'sqlite' ? 'db' : 'dump'}`);
}

export async function backupDatabase(target: DatabaseTarget, outFile: string, options: { pgDump?: string } = {}): Promise<BackupResult> {
  if (target.provider === 'sqlite' && target.url === ':memory:') throw new BackupError('DATABASE_URL is an in-memory database: there is nothing to back up');
  const file = resolve(outFile);
  if (existsSync(file)) throw new BackupError(`--out ${file} already exists; a backup never overwrites a file`);
  mkdirSync(dirname(file), { recursive: true });
  // Written beside the target and renamed when complete, so a failed or interrupted
  // backup never leaves a file that looks like a good one.
  const partial = `${file}.partial-${process.pid}`;
  try {
    if (target.provider === 'sqlite') await backupSqlite(target.url, partial);
    else await backupPostgres(target.url, partial, options.pgDump ?? 'pg_dump');
    chmodSync(partial, 0o600); // it holds private signing keys and password hashes
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
  return { provider: target.provider, file, bytes: statSync(file).size };
}

/**
 * SQLite's online backup API copies a consistent snapshot while the server keeps
 * reading and writing (WAL mode). All pages go in one step: copied in small steps,
 * a write by the server in between would restart the copy.
 */
async function backupSqlite(path: string, dest: string): Promise<void> {
  if (!existsSync(path)) throw new BackupError(`There is no SQLite database at ${path} (DATABASE_URL)`);
  const source = new Database(path, { readonly: true, fileMustExist: true, ...sqliteBindingOptions() });
  try {
    await source.backup(dest, { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  const copy = new Database(dest, sqliteBindingOptions());
  try {
    // One self-contained file (no -wal beside it) that a restore simply copies back.
    copy.pragma('journal_mode = DELETE');
    copy.prepare(`DELETE FROM ${TOKENS_TABLE}`).run();
    // Rewrites the file so the deleted tokens do not linger in free pages.
    copy.exec('VACUUM');
  } finally {
    copy.close();
  }
}

/**
 * pg_dump takes its snapshot in one transaction, so the copy is consistent while
 * other instances keep writing. Custom format: compressed, restored with pg_restore.
 * The password goes through the environment, not the command line others can read.
 */
async function backupPostgres(url: string, dest: string, pgDump: string): Promise<void> {
  const parsed = new URL(url);
  const password = decodeURIComponent(parsed.password);
  const schema = parsed.searchParams.get('schema');
  parsed.password = '';
  for (const param of PRISMA_ONLY_PARAMS) parsed.searchParams.delete(param);
  const args = ['--format=custom', `--exclude-table-data=*.${TOKENS_TABLE}`, `--file=${dest}`, ...(schema ? [`--schema=${schema}`] : []), `--dbname=${parsed.toString()}`];
  const env = { ...process.env, ...(password ? { PGPASSWORD: password } : {}) };
  const { code, stderr } = await run(pgDump, args, env);
  if (code !== 0) throw new BackupError(`pg_dump failed (exit ${code}): ${stderr.trim() || 'no message'}`);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'ENOENT'
          ? new BackupError(
              `${command} was not found: PostgreSQL backups need pg_dump on PATH (Debian: apt-get install postgresql-client; the same major version as the server, or newer). Set PG_DUMP to its path if it is elsewhere.`,
            )
          : error,
      );
    });
    child.on('close', (code) => resolvePromise({ code: code ?? 1, stderr }));
  });
}
