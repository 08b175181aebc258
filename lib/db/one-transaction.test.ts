import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from './client';
import { afterCommit, inOneTransaction } from './one-transaction';
import { versionedChange } from './versioned-change';

afterAll(closeDb);

const key = (name: string) => `test.one-transaction.${name}.${Math.random().toString(36).slice(2)}`;

describe('inOneTransaction', () => {
  it("joins the services' own transactions, and their listeners hear of the change only once it has committed", async () => {
    const db = await getDb();
    const change = versionedChange(key('version'));
    const heard: string[] = [];
    change.onChanged(() => heard.push('changed'));
    const first = key('first');
    await inOneTransaction(db, async (tx) => {
      await change.change(tx, (inner) => inner.setting.create({ data: { key: first, value: '1' } }));
      expect(heard, 'not before the commit').toEqual([]);
      expect(await tx.setting.findUnique({ where: { key: first } }), 'the transaction sees its own writes').not.toBeNull();
    });
    expect(heard).toEqual(['changed']);
    expect(await db.setting.findUnique({ where: { key: first } })).not.toBeNull();
  });

  it('rolls every joined change back when one fails, and drops what was to follow the commit', async () => {
    const db = await getDb();
    const [first, second] = [key('a'), key('b')];
    let called = false;
    await expect(
      inOneTransaction(db, async (tx) => {
        await tx.$transaction(async (inner) => inner.setting.create({ data: { key: first, value: '1' } }));
        afterCommit(tx, () => (called = true));
        await tx.setting.create({ data: { key: second, value: '2' } });
        throw new Error('refused');
      }),
    ).rejects.toThrow('refused');
    expect(await db.setting.count({ where: { key: { in: [first, second] } } })).toBe(0);
    expect(called).toBe(false);
  });

  it('runs an after-commit callback at once outside a transaction', async () => {
    let called = false;
    afterCommit(await getDb(), () => (called = true));
    expect(called).toBe(true);
  });
});
