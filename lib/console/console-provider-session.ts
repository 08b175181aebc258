import 'server-only';
import type { Db } from '@/lib/db/client';
import { CONSOLE_CLIENT_ID } from '@/lib/clients/default-clients';

interface SessionPayload {
  uid?: string;
  authorizations?: Record<string, { sid?: string; grantId?: string }>;
}

/**
 * Which provider session (its stable uid) a console sign-in came from, found when the
 * console receives its tokens: the access token's record names the session it expires
 * with; failing that (a token format not stored), the account's newest session that has
 * signed in to the console.
 */
export async function consoleSessionUid(db: Db, accountId: string, accessToken: string | undefined): Promise<string | undefined> {
  if (accessToken) {
    const row = await db.oidcModel.findUnique({ where: { type_id: { type: 'AccessToken', id: accessToken } }, select: { payload: true } });
    const sessionUid = row ? (JSON.parse(row.payload) as { sessionUid?: string }).sessionUid : undefined;
    if (sessionUid) return sessionUid;
  }
  const sessions = await liveConsoleSessions(db, accountId);
  return sessions.sort((a, b) => b.loginTs - a.loginTs)[0]?.uid;
}

async function liveConsoleSessions(db: Db, accountId: string, now = new Date()) {
  // The (account_id, type) index: a handful of rows per admin.
  const rows = await db.oidcModel.findMany({
    where: { type: 'Session', accountId, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    select: { uid: true, payload: true },
  });
  return rows.flatMap((row) => {
    const payload = JSON.parse(row.payload) as SessionPayload & { loginTs?: number };
    const uid = row.uid ?? payload.uid;
    return uid && payload.authorizations?.[CONSOLE_CLIENT_ID] ? [{ uid, loginTs: payload.loginTs ?? 0 }] : [];
  });
}

/**
 * Whether the provider session a console sign-in came from is still alive and still
 * signed in to the console. Revoking the user's sessions (the account page, an admin,
 * the API), disabling or deleting them deletes it: the console then refuses at once.
 */
export async function consoleSessionAlive(db: Db, accountId: string, sessionUid: string): Promise<boolean> {
  return (await liveConsoleSessions(db, accountId)).some((session) => session.uid === sessionUid);
}
