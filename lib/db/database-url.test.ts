import { describe, expect, it } from 'vitest';
import { parseDatabaseUrl } from './database-url';

describe('DATABASE_URL', () => {
  it('selects PostgreSQL for postgres:// and postgresql:// URLs', () => {
    expect(parseDatabaseUrl('postgres://u@db:5432/thalamus')).toEqual({ provider: 'postgresql', url: 'postgres://u@db:5432/thalamus' });
    expect(parseDatabaseUrl('postgresql://u@db/thalamus').provider).toBe('postgresql');
  });

  it('selects SQLite for file: paths, resolved against the working directory', () => {
    expect(parseDatabaseUrl('file:/var/lib/thalamus/t.db')).toEqual({ provider: 'sqlite', url: '/var/lib/thalamus/t.db' });
    expect(parseDatabaseUrl('file:./data/thalamus.db').url).toBe(`${process.cwd()}/data/thalamus.db`);
  });

  it('rejects anything else with a message that names the expected forms', () => {
    expect(() => parseDatabaseUrl('mysql://root@db/thalamus')).toThrow(/postgres:\/\/ URL or file:<path>/);
  });
});
