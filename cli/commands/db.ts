import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { databaseTarget } from '@/lib/db/database-url';
import { applyMigrations, createMigrations } from '@/lib/db/migrations';
import { CliError } from '../cli-error';

export async function dbCommand(argv: string[]): Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'migrate') return migrate();
  if (sub === 'migration-new') return migrationNew(rest);
  throw new CliError(`Unknown db command "${sub ?? ''}"`);
}

async function migrate(): Promise<number> {
  const target = databaseTarget();
  const applied = await applyMigrations(target);
  console.log(applied.length ? `Applied ${applied.length} migration(s) on ${target.provider}: ${applied.join(', ')}` : `Database (${target.provider}) is up to date`);
  return 0;
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
