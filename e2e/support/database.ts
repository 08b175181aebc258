import { createDb } from '../../lib/db/client';

/**
 * Direct access to the test database, for the few conformance cases that depend on
 * time passing (an authorization code lives 60 seconds): the test moves the artefact's
 * expiry into the past instead of waiting, then goes back to plain HTTP.
 */
export async function expireAuthorizationCode(code: string): Promise<void> {
  const db = createDb();
  try {
    const where = { type_id: { type: 'AuthorizationCode', id: code } };
    const row = await db.oidcModel.findUnique({ where });
    if (!row) throw new Error('no such authorization code in the database');
    const past = Math.floor(Date.now() / 1000) - 1;
    const payload = { ...(JSON.parse(row.payload) as Record<string, unknown>), iat: past - 60, exp: past };
    await db.oidcModel.update({ where, data: { payload: JSON.stringify(payload), expiresAt: new Date(past * 1000) } });
  } finally {
    await db.$disconnect();
  }
}

/**
 * A device code past its 10 minutes (RFC 8628 §3.2 `expires_in`), without the wait: its
 * expiry moves into the past; the row stays, as the server keeps it to answer expired_token.
 */
export async function expireDeviceCode(deviceCode: string): Promise<void> {
  const db = createDb();
  try {
    const where = { type_id: { type: 'DeviceCode', id: deviceCode } };
    const row = await db.oidcModel.findUnique({ where });
    if (!row) throw new Error('no such device code in the database');
    const past = Math.floor(Date.now() / 1000) - 1;
    const payload = { ...(JSON.parse(row.payload) as Record<string, unknown>), iat: past - 600, exp: past };
    await db.oidcModel.update({ where, data: { payload: JSON.stringify(payload) } });
  } finally {
    await db.$disconnect();
  }
}

/**
 * Forgets the failed sign-ins counted against this machine's address. Every test signs
 * in from 127.0.0.1, so a test that fails on purpose many times hands the rest of the
 * run a clean per-address counter (the per-account counters are per test user anyway).
 */
export async function forgetAddressAttempts(): Promise<void> {
  const db = createDb();
  try {
    await db.rateLimit.deleteMany({ where: { key: { startsWith: 'signin:address:' } } });
  } finally {
    await db.$disconnect();
  }
}

/** Failed sign-ins counted against one client address in the current window (0 when none). */
export async function addressAttempts(address: string): Promise<number> {
  const db = createDb();
  try {
    return (await db.rateLimit.findUnique({ where: { key: `signin:address:${address}` } }))?.count ?? 0;
  } finally {
    await db.$disconnect();
  }
}
