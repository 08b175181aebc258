import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { listUserSessions } from '@/lib/sessions/user-sessions';
import { ACTIVITY_WRITE_INTERVAL_MS, forgetSessionActivity, recordSessionActivity } from './session-activity';

afterAll(closeDb);

describe('session activity', () => {
  it('writes at most once a minute per session, and the Sessions list shows the browser and last use', async () => {
    const db = await getDb();
    const accountId = `usr_${randomUUID()}`;
    const uid = `uid-${randomUUID()}`;
    await db.oidcModel.create({
      data: {
        type: 'Session',
        id: `jti-${randomUUID()}`,
        uid,
        accountId,
        payload: JSON.stringify({ uid, accountId, loginTs: 1_700_000_000 }),
        expiresAt: new Date(Date.now() + 3600_000),
      },
    });
    const use = { sessionUid: uid, accountId, userAgent: 'Firefox/128.0', address: '203.0.113.7' };

    const t0 = new Date();
    expect(await recordSessionActivity(db, use, t0)).toBe(true);
    expect(await recordSessionActivity(db, { ...use, address: '198.51.100.1' }, new Date(t0.getTime() + 1000))).toBe(false);
    const later = new Date(t0.getTime() + ACTIVITY_WRITE_INTERVAL_MS);
    expect(await recordSessionActivity(db, { ...use, address: '198.51.100.1' }, later)).toBe(true);

    const [session] = await listUserSessions(db, accountId);
    expect(session).toMatchObject({ uid, userAgent: 'Firefox/128.0', address: '198.51.100.1', lastSeenAt: later });

    await forgetSessionActivity(db, [uid]);
    expect(await db.sessionActivity.count({ where: { sessionUid: uid } })).toBe(0);
    // Forgotten, the next use writes again at once.
    expect(await recordSessionActivity(db, use, new Date(later.getTime() + 1000))).toBe(true);
  });
});
