import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { createClient } from '@/lib/clients/create-client';
import { createApiKey } from '@/lib/api-keys/api-keys';
import { countActivity, flushActivity, utcDay } from './activity-counts';
import { directoryCounts, firstSteps, todayCounts } from './overview-counts';

afterAll(closeDb);

const actor = { type: 'cli' as const, label: 'test' };

describe('todayCounts', () => {
  it('counts the sign-ins, tokens and failures of one UTC day, and no other day', async () => {
    const db = await getDb();
    const day = new Date('2001-03-04T23:59:59Z');
    const nextDay = new Date('2001-03-05T00:00:01Z');
    for (const kind of ['sign_in', 'sign_in', 'token_issued', 'token_issued', 'token_issued', 'sign_in_failed', 'token_failed'] as const) countActivity(kind, day);
    countActivity('sign_in', nextDay);
    await flushActivity(db);
    // A second flush adds to the same rows (as another instance's tally would).
    countActivity('token_issued', day);
    await flushActivity(db);
    expect(await todayCounts(db, day)).toEqual({ day: '2001-03-04', signIns: 2, tokensIssued: 4, failedSignIns: 1, failedTokenRequests: 1 });
    expect((await todayCounts(db, nextDay)).signIns).toBe(1);
    expect(await todayCounts(db, new Date('2001-03-06T12:00:00Z'))).toMatchObject({ signIns: 0, tokensIssued: 0, failedSignIns: 0, failedTokenRequests: 0 });
  });

  it('names days in UTC', () => {
    expect(utcDay(new Date('2026-12-02T23:30:00-05:00'))).toBe('2026-12-03');
  });
});

describe('directoryCounts and firstSteps', () => {
  it('count clients apart from the defaults, and tick the steps from what is stored', async () => {
    const db = await getDb();
    const before = await directoryCounts(db);
    expect(before.clients - before.registeredClients).toBe(await db.oAuthClient.count({ where: { isDefault: true } }));
    expect((await firstSteps(db)).firstSignIn).toBe(false);

    await createClient(db, { name: 'Counted', grant_types: ['client_credentials'], scopes: ['clients:read'] }, actor);
    await createApiKey(db, { name: `counted-${Date.now()}`, scopes: ['clients:read'] }, actor);
    countActivity('app_sign_in');
    await flushActivity(db);

    const after = await directoryCounts(db);
    expect([after.clients, after.registeredClients, after.users]).toEqual([before.clients + 1, before.registeredClients + 1, before.users]);
    expect(await firstSteps(db)).toEqual({ apiKeyCreated: true, clientRegistered: true, firstSignIn: true });
  });
});
