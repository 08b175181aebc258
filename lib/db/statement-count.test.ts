import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from './client';
import { statementsSent } from './statement-count';

// Runs on the suite's database, SQLite or PostgreSQL: both adapters must count alike.
afterAll(() => closeDb());

async function sentDuring(work: () => Promise<unknown>): Promise<number> {
  await getDb();
  const before = statementsSent();
  await work();
  return statementsSent() - before;
}

describe('statement count (thalamus_db_statements_total)', () => {
  it('counts each query once', async () => {
    const db = await getDb();
    expect(await sentDuring(() => db.organization.count())).toBe(1);
    expect(await sentDuring(() => Promise.all([db.organization.count(), db.user.count()]))).toBe(2);
  });

  it('counts a transaction’s BEGIN and COMMIT beside the statements inside it', async () => {
    const db = await getDb();
    expect(await sentDuring(() => db.$transaction(async (tx) => tx.organization.count()))).toBe(3);
  });

  it('counts a rolled-back transaction’s ROLLBACK', async () => {
    const db = await getDb();
    const failing = db.$transaction(async (tx) => {
      await tx.organization.count();
      throw new Error('abandoned');
    });
    expect(await sentDuring(() => failing.catch(() => undefined))).toBe(3);
  });
});
