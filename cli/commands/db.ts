import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseTarget } from '@/lib/db/database-url';
import { applyMigrations, createMigrations } from '@/lib/db/migrations';
import { backupDatabase, BackupError, defaultBackupFile } from '@/lib/db/backup';
import { env } from '@/lib/config/env';
import { CliError } from '../cli-error';
import { command, type CommandGroup } from '../command-spec';

const migrate = command({
  name: 'migrate',
  summary: 'apply pending database migrations',
  async run() {
    const target = databaseTarget();
    const applied = await applyMigrations(target);
    console.log(applied.length ? `Applied ${applied.length} migration(s) on ${target.provider}: ${applied.join(', ')}` : `Database (${target.provider}) is up to date`);
    return 0;
  },
});

/** Authors the next migration for both databases from prisma/schema.prisma (offline; see lib/db/migrations). */
const migrationNew = command({
  name: 'migration-new',
  summary: 'author the next migration for SQLite and PostgreSQL from prisma/schema.prisma',
  positionals: [{ name: 'name', description: 'letters, digits and underscores, e.g. add_client_logo' }],
  async run({ positionals: [name] }) {
    if (!name || !/^[a-z0-9_]+$/i.test(name)) throw new CliError('Give the migration a name of letters, digits and underscores');
    const scratchFile = join(tmpdir(), `thalamus-scratch-${process.pid}.db`);
    try {
      const written = await createMigrations(name, scratchFile);
      console.log(written.length ? written.map((f) => `Wrote ${f}/migration.sql`).join('\n') : 'The schema matches the committed migrations; nothing written');
    } finally {
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${scratchFile}${suffix}`, { force: true });
    }
    return 0;
  },
});

/** `thalamus db backup [--out FILE] [--json]`: a consistent copy while the server runs (see lib/db/backup). */
const backup = command({
  name: 'backup',
  summary: 'consistent copy of the running database; sessions and tokens are left out',
  options: {
    out: { type: 'string', value: 'FILE', description: 'where to write it (default: data/backups/thalamus-<time>.db or .dump)' },
    json: { type: 'boolean', default: false, description: 'print the file, provider and size as JSON' },
  },
  notes: ['SQLite is copied with its online backup API, PostgreSQL with pg_dump (PG_DUMP). The file holds private keys: store it like a secret.'],
  async run({ values }) {
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
  },
});

export const dbCommands: CommandGroup = {
  name: 'db',
  summary: 'database migrations and backups',
  subcommands: [migrate, migrationNew, backup],
};
