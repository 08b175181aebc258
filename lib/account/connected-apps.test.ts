import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { accountConnectedApps, removeAppAccess } from './connected-apps';
import { accountSessions, signOutOtherSessions } from './account-sessions';

afterAll(closeDb);

const context = { address: '203.0.113.9', userAgent: 'Firefox/128.0' };

describe('connected apps and sessions of an account', () => {
  it('lists apps by name with scope descriptions (not Thalamus itself); "Remove access" revokes the grant and its tokens', async () => {
    const db = await getDb();
    const userId = `usr_${randomUUID()}`;
    const grants = { mobile: `g-${randomUUID()}`, console: `g-${randomUUID()}` };
    await db.oidcModel.createMany({
      data: [
        {
          type: 'Grant',
          id: grants.mobile,
          accountId: userId,
          clientId: 'thalamus-mobile-app',
          payload: JSON.stringify({ clientId: 'thalamus-mobile-app', iat: 1_700_000_000, openid: { scope: 'openid profile' } }),
        },
        { type: 'RefreshToken', id: `rt-${randomUUID()}`, grantId: grants.mobile, accountId: userId, clientId: 'thalamus-mobile-app', payload: '{}' },
        {
          type: 'Grant',
          id: grants.console,
          accountId: userId,
          clientId: 'thalamus-console',
          payload: JSON.stringify({ clientId: 'thalamus-console', openid: { scope: 'openid' } }),
        },
      ],
    });
    const apps = await accountConnectedApps(db, userId);
    expect(apps).toHaveLength(1);
    expect(apps[0]).toMatchObject({ clientId: 'thalamus-mobile-app', name: 'Thalamus Mobile App' });
    expect(apps[0]!.scopes.map((s) => s.name)).toEqual(['openid', 'profile']);
    expect(apps[0]!.scopes.every((s) => s.description.length > 0)).toBe(true);

    const actor = { userId, email: 'someone@example.test', sessionId: 's', sessionUid: 'u' };
    await expect(removeAppAccess(db, actor, { clientId: '' }, context)).rejects.toMatchObject({ code: 'invalid_request' });
    await removeAppAccess(db, actor, { clientId: 'thalamus-mobile-app' }, context);
    expect(await db.oidcModel.count({ where: { grantId: grants.mobile } })).toBe(0);
    expect(await accountConnectedApps(db, userId)).toEqual([]);
    const [event] = await db.securityEvent.findMany({ where: { userId, type: 'app.access_removed' } });
    expect(JSON.parse(event!.detail)).toMatchObject({ client_id: 'thalamus-mobile-app', client_name: 'Thalamus Mobile App', grants: 1 });
  });

  it('lists sessions with this device first and signs out every other one', async () => {
    const db = await getDb();
    const userId = `usr_${randomUUID()}`;
    const ids = [`a-${randomUUID()}`, `b-${randomUUID()}`, `c-${randomUUID()}`];
    for (const id of ids)
      await db.oidcModel.create({ data: { type: 'Session', id, uid: `uid-${id}`, accountId: userId, payload: JSON.stringify({ uid: `uid-${id}`, loginTs: 1_700_000_000 }) } });
    await db.sessionActivity.create({
      data: { sessionUid: `uid-${ids[2]}`, accountId: userId, userAgent: 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', address: '198.51.100.4' },
    });

    const actor = { userId, email: 'someone@example.test', sessionId: ids[1]!, sessionUid: `uid-${ids[1]}` };
    const listed = await accountSessions(db, actor);
    expect(listed.map((s) => s.current)).toEqual([true, false, false]);
    expect(listed.find((s) => s.id === ids[2])).toMatchObject({ browser: 'Firefox on Linux', address: '198.51.100.4' });

    expect(await signOutOtherSessions(db, actor, context)).toBe(2);
    expect((await accountSessions(db, actor)).map((s) => s.id)).toEqual([ids[1]]);
    expect(await db.sessionActivity.count({ where: { accountId: userId } })).toBe(0);
    expect(await db.securityEvent.count({ where: { userId, type: 'sessions.revoked' } })).toBe(1);
  });
});
