import type { Db } from '@/lib/db/client';
import { listConnectedApps, listUserSessions } from '@/lib/sessions/user-sessions';
import { listSecurityEvents } from '@/lib/security-events/list-security-events';
import { existingUser } from './manage-user';

/** What an admin sees of a user's sign-ins: their sessions and the applications they allowed (read-only), snake_case. */
export async function userSessionsView(db: Db, userId: string) {
  await existingUser(db, userId);
  const [sessions, apps] = await Promise.all([listUserSessions(db, userId), listConnectedApps(db, userId)]);
  const names = new Map(
    (await db.oAuthClient.findMany({ where: { clientId: { in: apps.map((a) => a.clientId) } }, select: { clientId: true, name: true } })).map((c) => [c.clientId, c.name]),
  );
  return {
    sessions: sessions.map((s) => ({
      uid: s.uid,
      signed_in_at: s.signedInAt?.toISOString() ?? null,
      last_seen_at: s.lastSeenAt?.toISOString() ?? null,
      expires_at: s.expiresAt?.toISOString() ?? null,
      client_ids: s.clientIds,
      user_agent: s.userAgent,
      address: s.address,
    })),
    connected_apps: apps.map((a) => ({
      client_id: a.clientId,
      name: names.get(a.clientId) ?? a.clientId,
      scopes: a.scopes,
      resources: a.resources,
      granted_at: a.grantedAt?.toISOString() ?? null,
    })),
  };
}

export type UserSessionsView = Awaited<ReturnType<typeof userSessionsView>>;

/** The user's own security events, newest first (the user's page and GET /api/users/{id}/security-events). */
export async function userSecurityEvents(db: Db, userId: string, page = 1, pageSize = 20) {
  await existingUser(db, userId);
  return listSecurityEvents(db, { user: userId, page, page_size: pageSize });
}
