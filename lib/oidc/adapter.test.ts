import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { PrismaAdapter, purgeExpired } from './adapter';

// Runs against the real test database (SQLite or PostgreSQL, see scripts/test.mjs).
afterAll(closeDb);

describe('PrismaAdapter', () => {
  const codes = new PrismaAdapter('AuthorizationCode');

  it('stores and finds a payload until it expires', async () => {
    const id = randomUUID();
    await codes.upsert(id, { accountId: 'usr_1', grantId: 'grant-a', kind: 'AuthorizationCode' }, 60);
    expect(await codes.find(id)).toMatchObject({ accountId: 'usr_1', grantId: 'grant-a' });

    const expired = randomUUID();
    await codes.upsert(expired, { kind: 'AuthorizationCode' }, -1);
    expect(await codes.find(expired)).toBeUndefined();
  });

  it('lets exactly one of many concurrent consumers win (RFC 6749 §4.1.2: codes are single-use)', async () => {
    const id = randomUUID();
    await codes.upsert(id, { kind: 'AuthorizationCode' }, 60);
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => codes.consume(id)));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    for (const r of results.filter((r) => r.status === 'rejected')) {
      expect((r as PromiseRejectedResult).reason).toMatchObject({ error: 'invalid_grant' });
    }
    expect((await codes.find(id))?.consumed).toEqual(expect.any(Number));
  });

  it('finds sessions by uid and revokes everything of a grant', async () => {
    const sessions = new PrismaAdapter('Session');
    const tokens = new PrismaAdapter('AccessToken');
    const uid = randomUUID();
    const grantId = randomUUID();
    await sessions.upsert(randomUUID(), { uid, kind: 'Session' }, 60);
    await tokens.upsert('at-1', { grantId, kind: 'AccessToken' }, 60);
    await codes.upsert('code-1', { grantId, kind: 'AuthorizationCode' }, 60);
    expect(await sessions.findByUid(uid)).toMatchObject({ uid });

    await tokens.revokeByGrantId(grantId);
    expect(await tokens.find('at-1')).toBeUndefined();
    expect(await codes.find('code-1')).toBeUndefined();
  });

  it('reads clients from the clients table and refuses to write them', async () => {
    const clients = new PrismaAdapter('Client');
    const admin = await clients.find('thalamus_admin_client');
    expect(admin).toMatchObject({ client_id: 'thalamus_admin_client', grant_types: ['client_credentials'] });
    expect(admin?.thalamus_secrets).toEqual([{ digest: expect.any(String), ends_at: null }]);
    expect(JSON.stringify(admin)).not.toContain(process.env.THALAMUS_ADMIN_CLIENT_SECRET ?? 'unset');
    await expect(clients.upsert('x', {}, 0)).rejects.toThrow(/managed by Thalamus/);
  });

  it('hides disabled clients from the provider', async () => {
    const db = await getDb();
    await db.oAuthClient.update({ where: { clientId: 'thalamus-desktop-agent' }, data: { enabled: false } });
    try {
      expect(await new PrismaAdapter('Client').find('thalamus-desktop-agent')).toBeUndefined();
    } finally {
      await db.oAuthClient.update({ where: { clientId: 'thalamus-desktop-agent' }, data: { enabled: true } });
    }
  });

  it('purges expired rows', async () => {
    const id = randomUUID();
    await codes.upsert(id, { kind: 'AuthorizationCode' }, -5);
    expect(await purgeExpired()).toBeGreaterThanOrEqual(1);
    const db = await getDb();
    expect(await db.oidcModel.count({ where: { id } })).toBe(0);
  });
});
