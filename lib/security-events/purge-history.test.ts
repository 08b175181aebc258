import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { newId } from '@/lib/secrets/ids';
import { purgeAccountHistory } from './purge-history';

afterAll(closeDb);

const DAY = 86_400_000;

describe('purgeAccountHistory', () => {
  it('deletes security events past the retention and device records of sessions that cannot exist any more, and keeps the rest', async () => {
    const db = await getDb();
    const now = new Date();
    const userId = `usr_${randomUUID()}`;
    const event = (daysAgo: number) => ({ id: newId('sev'), userId, type: 'sign_in.succeeded', occurredAt: new Date(now.getTime() - daysAgo * DAY) });
    await db.securityEvent.createMany({ data: [event(401), event(399), event(1)] });
    const activity = (daysAgo: number) => ({ sessionUid: randomUUID(), accountId: userId, lastSeenAt: new Date(now.getTime() - daysAgo * DAY) });
    await db.sessionActivity.createMany({ data: [activity(15), activity(13)] });

    await purgeAccountHistory(db, now);

    const kept = await db.securityEvent.findMany({ where: { userId }, orderBy: { occurredAt: 'asc' } });
    expect(kept.map((e) => Math.round((now.getTime() - e.occurredAt.getTime()) / DAY))).toEqual([399, 1]);
    expect(await db.sessionActivity.count({ where: { accountId: userId } })).toBe(1);
  });
});
