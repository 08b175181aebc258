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
