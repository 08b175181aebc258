import type Provider from 'oidc-provider';
import type { Db } from '@/lib/db/client';
import { getDb } from '@/lib/db/client';
import { log } from '@/lib/log/logger';

/**
 * When and from which browser each sign-in session was last used, for the account
 * page's "Sessions" list (lib/sessions/user-sessions.ts reads it). Keyed by the
 * provider session's `uid`, which stays the same when the session's id rotates.
 *
 * A session is used on every request that reads it (authorization, resume, sign-out, the
 * account page), so writes are throttled: at most one a minute per session per process.
 */
export const ACTIVITY_WRITE_INTERVAL_MS = 60_000;
const USER_AGENT_MAX = 512;
const TRACKED_MAX = 50_000;

const lastWrites = ((globalThis as unknown as { thalamusSessionActivity?: Map<string, number> }).thalamusSessionActivity ??= new Map());

export interface SessionUse {
  sessionUid: string;
  accountId: string;
  userAgent: string;
  address: string;
}

/** Records a use of a session; returns whether it wrote (false when throttled). */
export async function recordSessionActivity(db: Db, use: SessionUse, now = new Date()): Promise<boolean> {
  const last = lastWrites.get(use.sessionUid);
  if (last !== undefined && now.getTime() - last < ACTIVITY_WRITE_INTERVAL_MS) return false;
  if (lastWrites.size >= TRACKED_MAX) lastWrites.clear();
  lastWrites.set(use.sessionUid, now.getTime());
  const fields = { accountId: use.accountId, userAgent: use.userAgent.slice(0, USER_AGENT_MAX), address: use.address.slice(0, 64) };
  await db.sessionActivity.upsert({
    where: { sessionUid: use.sessionUid },
    create: { sessionUid: use.sessionUid, ...fields, createdAt: now, lastSeenAt: now },
    update: { ...fields, lastSeenAt: now },
  });
  return true;
}

/** Drops the activity of sessions that ended (signed out). */
export async function forgetSessionActivity(db: Db, sessionUids: string[]): Promise<void> {
  for (const uid of sessionUids) lastWrites.delete(uid);
  if (sessionUids.length) await db.sessionActivity.deleteMany({ where: { sessionUid: { in: sessionUids } } });
}

interface SessionLike {
  uid?: string;
  accountId?: string;
  destroyed?: boolean;
}

/**
 * A provider middleware: after each request that loaded the browser's session, records
 * its use, or forgets it when the request ended the session (RP-initiated logout). The
 * address is the bridge's socket address (the client address Thalamus trusts, see
 * lib/http/client-address.ts), not Koa's X-Forwarded-For reading. A failure to record
 * is logged and never fails the request.
 */
export function trackSessionActivity(provider: Provider): void {
  provider.use(async (ctx, next) => {
    await next();
    const session = (ctx.oidc as { entities?: { Session?: SessionLike } } | undefined)?.entities?.Session;
    if (!session?.uid) return;
    try {
      const db = await getDb();
      if (session.destroyed) await forgetSessionActivity(db, [session.uid]);
      else if (session.accountId) {
        await recordSessionActivity(db, { sessionUid: session.uid, accountId: session.accountId, userAgent: ctx.get('user-agent'), address: ctx.req.socket.remoteAddress ?? '' });
      }
    } catch (error) {
      log.warn('session activity not recorded', { error: String(error) });
    }
  });
}
