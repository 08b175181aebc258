import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { MigrationList } from '@prisma/schema-engine-wasm';
import { noFilter, openSchemaEngine } from './schema-engine.ts';
import type { DatabaseProvider, DatabaseTarget } from './database-url.ts';

/**
 * Committed migrations live in prisma/migrations/<provider>/<timestamp>_<name>/migration.sql,
 * one folder per database, both derived from the one schema. The history table is
 * Prisma's own `_prisma_migrations`, so the standard tooling reads it too.
 */
const prismaDir = fileURLToPath(new URL('../../prisma/', import.meta.url));

export function migrationsDir(provider: DatabaseProvider): string {
  return join(prismaDir, 'migrations', provider);
}

/** The schema for one provider (the committed file targets SQLite). */
export function schemaFor(provider: DatabaseProvider): string {
  const source = readFileSync(join(prismaDir, 'schema.prisma'), 'utf8');
  return source.replace('provider = "sqlite"', `provider = "${provider}"`);
}

export function readMigrations(provider: DatabaseProvider): MigrationList {
  const baseDir = migrationsDir(provider);
  const names = existsSync(baseDir)
    ? readdirSync(baseDir, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort()
    : [];
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: `provider = "${provider}"\n` },
    shadowDbInitScript: '',
    migrationDirectories: names.map((name) => ({
      path: name,
      migrationFile: { path: 'migration.sql', content: { tag: 'ok', value: readFileSync(join(baseDir, name, 'migration.sql'), 'utf8') } },
    })),
  };
}

/** Applies the committed migrations that the database has not seen yet. Idempotent. */
export async function applyMigrations(target: DatabaseTarget): Promise<string[]> {
  if (target.provider === 'sqlite' && target.url !== ':memory:') mkdirSync(join(target.url, '..'), { recursive: true });
  const { engine, explain, close } = await openSchemaEngine(target, schemaFor(target.provider));
  try {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList: readMigrations(target.provider), filters: noFilter });
    return appliedMigrationNames;
  } catch (error) {
    throw explain(error);
  } finally {
    await close();
  }
}

export function migrationFolderName(name: string, now = new Date()): string {
  return `${now.toISOString().replace(/\D/g, '').slice(0, 14)}_${name.toLowerCase()}`;
}

/**
 * Writes the SQL that takes the committed history to the current schema, as a new
 * migration folder per database. Returns the folders written (none if nothing changed).
 *
 * Where the history ends is learnt once, offline: the SQLite history is applied to a
 * scratch file and read back. Both histories come from the same sequence of schemas,
 * so that datamodel is also where the PostgreSQL history ends; each database then gets
 * the diff from it to the current schema in its own dialect. (The wasm engine cannot
 * replay or read back a PostgreSQL schema through the pg driver adapter today.)
 */
export async function createMigrations(name: string, scratchFile: string): Promise<string[]> {
  const folderName = migrationFolderName(name);
  const previous = await historyDatamodel(scratchFile);
  const written: string[] = [];
  for (const provider of ['sqlite', 'postgresql'] as const) {
    const { engine, explain, close } = await openSchemaEngine({ provider: 'sqlite', url: ':memory:' }, schemaFor('sqlite'));
    try {
      const files = (content: string) => [{ path: 'schema.prisma', content }];
      const { stdout } = await engine.diff({
        from: previous === undefined ? { tag: 'empty' } : { tag: 'schemaDatamodel', files: files(withProvider(previous, provider)) },
        to: { tag: 'schemaDatamodel', files: files(schemaFor(provider)) },
        script: true,
        exitCode: null,
        filters: noFilter,
      });
      const sql = (stdout ?? '').trim();
      if (!sql || /^-- This is an empty migration\.?$/.test(sql)) continue;
      const folder = join(migrationsDir(provider), folderName);
      mkdirSync(folder, { recursive: true });
      writeFileSync(join(folder, 'migration.sql'), `${sql}\n`);
      writeFileSync(join(migrationsDir(provider), 'migration_lock.toml'), `# Written by \`npm run db:migration:new\`; do not edit.\nprovider = "${provider}"\n`);
      written.push(folder);
    } catch (error) {
      throw explain(error);
    } finally {
      await close();
    }
  }
  return written;
}

/** The datamodel at the end of the committed history, or undefined if there is none yet. */
async function historyDatamodel(scratchFile: string): Promise<string | undefined> {
  const history = readMigrations('sqlite');
  if (history.migrationDirectories.length === 0) return undefined;
  const { engine, explain, close } = await openSchemaEngine({ provider: 'sqlite', url: scratchFile }, schemaFor('sqlite'));
  try {
    await engine.applyMigrations({ migrationsList: history, filters: noFilter });
    const introspected = await engine.introspect({
      schema: { files: [{ path: 'schema.prisma', content: schemaFor('sqlite') }] },
      baseDirectoryPath: prismaDir,
      force: false,
      compositeTypeDepth: 0,
      namespaces: null,
    });
    return introspected.schema.files[0]?.content;
  } catch (error) {
    throw explain(error);
  } finally {
    await close();
  }
}

function withProvider(schema: string, provider: DatabaseProvider): string {
  return schema.replace(/provider\s*=\s*"sqlite"/, `provider = "${provider}"`);
}
