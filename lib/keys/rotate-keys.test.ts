import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { keySetVersion, loadKeys } from './keys';
import { defaultRetentionSeconds, dropExpiredKeys, listKeys, rotateKeys } from './rotate-keys';

afterAll(closeDb);

// Runs on the run's throwaway database (scripts/test.mjs), which `thalamus setup` has
// provisioned; every test leaves an active key of each kind behind.
async function activeKids(use: string, alg?: string) {
  const db = await getDb();
  return (await db.key.findMany({ where: { use, status: 'active', ...(alg ? { alg } : {}) }, select: { kid: true } })).map((k) => k.kid);
}

describe('signing key rotation', () => {
  it('activates a new key per algorithm and keeps the previous ones published for verification only', async () => {
    const db = await getDb();
    const before = { es: await activeKids('signing', 'ES256'), rs: await activeKids('signing', 'RS256'), version: await keySetVersion(db) };
    const report = await rotateKeys(db, { use: 'signing' });

    expect(report.activated.map((k) => k.alg).sort()).toEqual(['ES256', 'RS256']);
    expect(report.retired.map((k) => k.kid).sort()).toEqual([...before.es, ...before.rs].sort());
    expect(report.dropped).toEqual([]);
    expect(report.retainSeconds).toBe(defaultRetentionSeconds('signing'));

    const keys = await loadKeys(db);
    expect(keys.version).not.toBe(before.version);
    expect(keys.version).toBe(await keySetVersion(db));
    const byKid = new Map(keys.jwks.keys.map((k) => [k.kid, k]));
    for (const k of report.activated) expect(byKid.get(k.kid)?.key_ops).toBeUndefined();
    for (const k of report.retired) expect(byKid.get(k.kid)?.key_ops).toEqual(['verify']);
    // Active keys come first: oidc-provider signs with the first key that allows it.
    expect(
      keys.jwks.keys
        .slice(0, 2)
        .map((k) => k.kid)
        .sort(),
    ).toEqual(report.activated.map((k) => k.kid).sort());
  });

  it('rotates only the algorithms asked for', async () => {
    const db = await getDb();
    const rs = await activeKids('signing', 'RS256');
    const report = await rotateKeys(db, { use: 'signing', algs: ['ES256'] });
    expect(report.activated.map((k) => k.alg)).toEqual(['ES256']);
    expect(await activeKids('signing', 'RS256')).toEqual(rs);
  });

  it('drops retired keys once their retention window is over, never before', async () => {
    const db = await getDb();
    const first = await rotateKeys(db, { use: 'signing', algs: ['ES256'] });
    const retiredNow = first.retired.map((k) => k.kid);
    const almost = new Date(Date.now() + (first.retainSeconds - 60) * 1000);
    expect(await dropExpiredKeys(db, almost)).toEqual([]);
    const later = new Date(Date.now() + (first.retainSeconds + 1) * 1000);
    const dropped = (await dropExpiredKeys(db, later)).map((k) => k.kid);
    expect(dropped).toEqual(expect.arrayContaining(retiredNow));
    expect(await db.key.count({ where: { kid: { in: retiredNow } } })).toBe(0);
    expect(await activeKids('signing', 'ES256')).toEqual(first.activated.map((k) => k.kid));
  });

  it('with a retention of 0 seconds stops the previous key at once (after a leak)', async () => {
    const db = await getDb();
    const previous = await activeKids('signing', 'ES256');
    const report = await rotateKeys(db, { use: 'signing', algs: ['ES256'], retainSeconds: 0 });
    expect(report.dropped.map((k) => k.kid)).toEqual(expect.arrayContaining(previous));
    expect(report.retired).toEqual([]);
    expect((await loadKeys(db)).jwks.keys.map((k) => k.kid)).not.toContain(previous[0]);
  });
});

describe('cookie key rotation', () => {
  it('puts the new key first and keeps the previous one for existing sessions', async () => {
    const db = await getDb();
    const before = (await loadKeys(db)).cookieKeys;
    const report = await rotateKeys(db, { use: 'cookie' });
    const after = (await loadKeys(db)).cookieKeys;
    expect(after).toHaveLength(before.length + 1);
    expect(after.slice(1)).toEqual(before);
    expect(report.retired).toHaveLength(1);
    expect(report.retainSeconds).toBe(defaultRetentionSeconds('cookie'));
  });

  it('lists keys without their material', async () => {
    const listed = await listKeys(await getDb());
    expect(listed.some((k) => k.use === 'cookie' && k.status === 'retired')).toBe(true);
    for (const k of listed) expect(Object.keys(k).sort()).toEqual(['alg', 'created_at', 'kid', 'retired_at', 'status', 'use']);
  });
});
