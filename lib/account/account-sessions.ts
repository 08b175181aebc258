import type { Db } from '@/lib/db/client';
import { listUserSessions, revokeUserSessions } from '@/lib/sessions/user-sessions';
import { recordSecurityEvent } from '@/lib/security-events/record-security-event';
import { describeUserAgent } from './describe-user-agent';
import type { AccountActor, RequestContext } from './request-context';

export interface AccountSessionRow {
  id: string;
  browser: string;
  address: string;
  lastSeenAt: Date | null;
  signedInAt: Date | null;
  current: boolean;
}

/** The person's sign-in sessions, this browser's first, each described in plain words. */
export async function accountSessions(db: Db, actor: Pick<AccountActor, 'userId' | 'sessionId'>): Promise<AccountSessionRow[]> {
  const sessions = await listUserSessions(db, actor.userId);
  return sessions
    .map((s) => ({ id: s.id, browser: describeUserAgent(s.userAgent), address: s.address, lastSeenAt: s.lastSeenAt, signedInAt: s.signedInAt, current: s.id === actor.sessionId }))
    .sort((a, b) => Number(b.current) - Number(a.current));
}

/** "Sign out everywhere else": every session but this one ends. Returns how many. */
export async function signOutOtherSessions(db: Db, actor: AccountActor, context: RequestContext): Promise<number> {
  const ended = await revokeUserSessions(db, actor.userId, { except: actor.sessionId });
  await recordSecurityEvent(db, { type: 'sessions.revoked', userId: actor.userId, email: actor.email, ...context, detail: { sessions: ended, kept_current: true } });
  return ended;
}
