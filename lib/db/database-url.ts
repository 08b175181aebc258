import { isAbsolute, resolve } from 'node:path';

export type DatabaseProvider = 'sqlite' | 'postgresql';

export interface DatabaseTarget {
  provider: DatabaseProvider;
  /** For SQLite: an absolute file path (or ":memory:"). For PostgreSQL: the connection string. */
  url: string;
}

/**
 * Reads DATABASE_URL: a postgres:// or postgresql:// URL selects PostgreSQL;
 * `file:<path>` (relative to the working directory) selects SQLite.
 */
export function parseDatabaseUrl(raw: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//i.test(raw)) return { provider: 'postgresql', url: raw };
  if (raw === ':memory:' || raw === 'file::memory:') return { provider: 'sqlite', url: ':memory:' };
  const match = /^(?:file:|sqlite:)(.+)$/i.exec(raw);
  if (!match?.[1]) {
    throw new Error(`DATABASE_URL must be a postgres:// URL or file:<path> for SQLite, got "${raw.split(':')[0]}:…"`);
  }
  const path = match[1].replace(/^\/\//, '').split('?')[0]!;
  return { provider: 'sqlite', url: isAbsolute(path) ? path : resolve(/*turbopackIgnore: true*/ process.cwd(), path) };
}

export function databaseTarget(): DatabaseTarget {
  return parseDatabaseUrl(process.env.DATABASE_URL || 'file:./data/thalamus.db');
}
