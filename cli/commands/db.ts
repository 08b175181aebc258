import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { databaseTarget } from '@/lib/db/database-url';
import { applyMigrations, createMigrations } from '@/lib/db/migrations';
import { backupDatabase, BackupError, defaultBackupFile } from '@/lib/db/backup';
import { env } from '@/lib/config/env';
import { CliError } from '../cli-error';

export async function dbCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'migrate') return migrate();
  if (sub === 'migration-new') return migrationNew(rest);
  if (sub === 'backup') return backup(rest);
  throw new CliError(`Unknown db command "${sub ?? ''}"`);
}

async function migrate(): Promise<number> {
  const target = databaseTarget();
  const applied = await applyMigrations(target);
  console.log(applied.length ? `Applied ${applied.length} migration(s) on ${target.provider}: ${applied.join(', ')}` : `Database (${target.provider}) is up to date`);
  return 0;
}

/** `thalamus db backup [--out FILE] [--json]`: a consistent copy while the server runs (see lib/db/backup). */
async function backup(argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { out: { type: 'string' }, json: { type: 'boolean', default: false } } });
  if (values.out !== undefined && !values.out.trim()) throw new CliError('--out needs a file name');
  const target = databaseTarget();
  try {
    const result = await backupDatabase(target, values.out ?? defaultBackupFile(target), { pgDump: env().PG_DUMP });
    if (values.json) console.log(JSON.stringify(result));
    else {
      console.log(`Backed up the ${target.provider} database to ${result.file} (${result.bytes} bytes).`);
      console.log('Sessions and tokens are not included: after a restore, users sign in again. The file holds private keys: store it like a secret.');
    }
    return 0;
  } catch (error) {
    if (error instanceof BackupError) throw new CliError(error.message, false);
    throw error;
  }
}

/** Authors the next migration for both databases from prisma/schema.prisma (offline; see lib/db/migrations). */
async function migrationNew(argv: string[]): Promise<number> {
  const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} });
  const name = positionals[0];
  if (!name || !/^[a-z0-9_]+$/i.test(name)) throw new CliError('Give the migration a name of letters, digits and underscores');
  const scratchFile = join(tmpdir(), `thalamus-scratch-${process.pid}.db`);
  try {
    const written = await createMigrations(name, scratchFile);
    console.log(written.length ? written.map((f) => `Wrote ${f}/migration.sql`).join('\n') : 'The schema matches the committed migrations; nothing written');
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${scratchFile}${suffix}`, { force: true });
  }
  return 0;
}
