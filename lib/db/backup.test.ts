import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { backupDatabase, BackupError, defaultBackupFile } from './backup';
import { sqliteBindingOptions } from './sqlite-binding';

const dir = mkdtempSync(join(tmpdir(), 'thalamus-backup-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A small WAL-mode database with a token row and a client row, held open like a running server would. */
function liveDatabase(path: string) {
  const db = new Database(path, sqliteBindingOptions());
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE oidc_models (type TEXT, id TEXT); CREATE TABLE oauth_clients (client_id TEXT)');
  db.prepare('INSERT INTO oidc_models VALUES (?, ?)').run('RefreshToken', 'rt-secret-value');
  db.prepare('INSERT INTO oauth_clients VALUES (?)').run('before-backup');
  return db;
}

describe('db backup on SQLite', () => {
  it('copies the database while it is open and written, without sessions or tokens', async () => {
    const source = join(dir, 'live.db');
    const live = liveDatabase(source);
    const out = join(dir, 'nested', 'copy.db');
    const result = await backupDatabase({ provider: 'sqlite', url: source }, out);
    live.prepare('INSERT INTO oauth_clients VALUES (?)').run('after-backup');
    live.close();

    expect(result).toMatchObject({ provider: 'sqlite', file: out });
    const copy = new Database(out, { readonly: true, ...sqliteBindingOptions() });
    expect(copy.prepare('SELECT client_id FROM oauth_clients').pluck().all()).toEqual(['before-backup']);
    expect(copy.prepare('SELECT count(*) FROM oidc_models').pluck().get()).toBe(0);
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    copy.close();
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(readdirSync(join(dir, 'nested'))).toEqual(['copy.db']);
  });

  it('never overwrites a file and names the problem', async () => {
    const out = join(dir, 'nested', 'copy.db');
    await expect(backupDatabase({ provider: 'sqlite', url: join(dir, 'live.db') }, out)).rejects.toThrow(/--out .*copy\.db already exists/);
  });

  it('says so when there is no database to copy, leaving nothing behind', async () => {
    const out = join(dir, 'missing.db');
    await expect(backupDatabase({ provider: 'sqlite', url: join(dir, 'nope.db') }, out)).rejects.toThrow(/no SQLite database at .*nope\.db/);
    expect(existsSync(out)).toBe(false);
  });
});

describe('db backup on PostgreSQL', () => {
  it('names pg_dump when it is missing', async () => {
    const target = { provider: 'postgresql' as const, url: 'postgresql://u:p@127.0.0.1:1/db' };
    const attempt = backupDatabase(target, join(dir, 'pg.dump'), { pgDump: join(dir, 'no-such-pg_dump') });
    await expect(attempt).rejects.toBeInstanceOf(BackupError);
    await expect(attempt).rejects.toThrow(/no-such-pg_dump was not found: PostgreSQL backups need pg_dump on PATH/);
    expect(readdirSync(dir).filter((f) => f.startsWith('pg.dump'))).toEqual([]);
  });
});

describe('default backup file', () => {
  const now = new Date('2030-01-02T03:04:05.678Z');
  it('sits beside the SQLite database, named by the time', () => {
    expect(defaultBackupFile({ provider: 'sqlite', url: '/srv/thalamus/data/thalamus.db' }, now)).toBe('/srv/thalamus/data/backups/thalamus-2030-01-02T03-04-05Z.db');
  });
  it('goes to ./data/backups for PostgreSQL', () => {
    expect(defaultBackupFile({ provider: 'postgresql', url: 'postgresql://h/db' }, now)).toBe(join(process.cwd(), 'data/backups/thalamus-2030-01-02T03-04-05Z.dump'));
  });
});
