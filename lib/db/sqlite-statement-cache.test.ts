import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cachingPrepare } from './sqlite-statement-cache';
import { sqliteBindingOptions } from './sqlite-binding';

function connection() {
  const db = new Database(':memory:', sqliteBindingOptions());
  db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT)');
  let prepared = 0;
  const prepare = cachingPrepare((sql) => {
    prepared++;
    return db.prepare(sql);
  });
  return { prepare, prepared: () => prepared };
}

describe('SQLite statement cache', () => {
  it('prepares a statement once and binds each query its own values, as the Prisma adapter calls it', () => {
    const { prepare, prepared } = connection();
    for (const body of ['first', 'second']) prepare('INSERT INTO notes (body) VALUES (?)').bind([body]).run();
    const select = (id: number) => {
      const statement = prepare('SELECT id, body FROM notes WHERE id = ?').bind([id]);
      return { reader: statement.reader, rows: statement.raw().all() };
    };
    expect(select(1)).toEqual({ reader: true, rows: [[1, 'first']] });
    expect(select(2)).toEqual({ reader: true, rows: [[2, 'second']] });
    expect(prepared()).toBe(2);
  });

  it('runs statements without values (the adapter begins transactions so)', () => {
    const { prepare } = connection();
    prepare('BEGIN').run();
    prepare('INSERT INTO notes (body) VALUES (?)').bind(['kept']).run();
    prepare('COMMIT').run();
    const statement = prepare('SELECT body FROM notes').bind([]);
    expect(statement.columns()).toMatchObject([{ name: 'body' }]);
    expect(statement.raw().all()).toEqual([['kept']]);
  });

  it('keeps a bounded number of statements, dropping the oldest', () => {
    const { prepare, prepared } = connection();
    for (let i = 0; i < 501; i++) prepare(`SELECT ${i}`);
    prepare('SELECT 500');
    expect(prepared()).toBe(501);
    prepare('SELECT 0');
    expect(prepared()).toBe(502);
  });
});
