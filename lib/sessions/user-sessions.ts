import type { Db } from '@/lib/db/client';
import { deliverLogoutsSoon, enqueueLogouts, noticesForSession } from '@/lib/backchannel-logout/logout-queue';

/**
 * A user's sign-in sessions and what they let applications do, read from the
 * provider's own records (oidc_models, by account_id) so that what the account page
 * shows and what the provider honours are the same rows.
 *
 * - A Session is the browser's sign-in at Thalamus (the `_session` cookie).
 * - A Grant is what the user allowed one client; its codes, access and refresh tokens
 *   carry its grant_id, so deleting the grant's rows revokes all of them (RFC 7009 §2.1:
 *   revoking a grant's refresh token revokes its access tokens too).
 */

export interface UserSession {
  /** The provider's id for the session (the `_session` cookie's value). */
  id: string;
  /** Stable across the session's id rotations: the key of its activity record. */
  uid: string;
  signedInAt: Date | null;
  expiresAt: Date | null;
  /** Clients the session has signed in to. */
  clientIds: string[];
  userAgent: string;
  address: string;
  lastSeenAt: Date | null;
}

interface SessionPayload {
  uid?: string;
  loginTs?: number;
  authorizations?: Record<string, unknown>;
}

export async function listUserSessions(db: Db, accountId: string, now = new Date()): Promise<UserSession[]> {
  const rows = await db.oidcModel.findMany({
    where: { type: 'Session', accountId, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    select: { id: true, uid: true, payload: true, expiresAt: true },
  });
  const activity = await db.sessionActivity.findMany({ where: { accountId } });
  const byUid = new Map(activity.map((a) => [a.sessionUid, a]));
  return rows
    .map((row) => {
      const payload = JSON.parse(row.payload) as SessionPayload;
      const uid = row.uid ?? payload.uid ?? row.id;
      const seen = byUid.get(uid);
      return {
        id: row.id,
        uid,
        signedInAt: payload.loginTs ? new Date(payload.loginTs * 1000) : null,
        expiresAt: row.expiresAt,
        clientIds: Object.keys(payload.authorizations ?? {}),
        userAgent: seen?.userAgent ?? '',
        address: seen?.address ?? '',
        lastSeenAt: seen?.lastSeenAt ?? (payload.loginTs ? new Date(payload.loginTs * 1000) : null),
      };
    })
    .sort((a, b) => (b.lastSeenAt?.getTime() ?? 0) - (a.lastSeenAt?.getTime() ?? 0));
}

/**
 * Signs a user out of Thalamus in every browser (or every browser but `except`, the
 * caller's own session). Applications keep the tokens they hold; revoking those is
 * revokeUserGrants'. The clients each session signed in to that have a
 * backchannel_logout_uri are told (OIDC Back-Channel Logout 1.0), queued in the same
 * transaction. Returns how many sessions ended.
 */
export async function revokeUserSessions(db: Db, accountId: string, options: { except?: string } = {}): Promise<number> {
  const sessions = await db.oidcModel.findMany({
    where: { type: 'Session', accountId, ...(options.except ? { id: { not: options.except } } : {}) },
    select: { id: true, uid: true, payload: true },
  });
  if (!sessions.length) return 0;
  const notices = sessions.flatMap((s) => noticesForSession(accountId, (JSON.parse(s.payload) as SessionPayload).authorizations as Record<string, { sid?: unknown }>));
  const deliveries = await db.$transaction(async (tx) => {
    await tx.oidcModel.deleteMany({ where: { type: 'Session', id: { in: sessions.map((s) => s.id) } } });
    await tx.sessionActivity.deleteMany({ where: { sessionUid: { in: sessions.flatMap((s) => (s.uid ? [s.uid] : [])) } } });
    return enqueueLogouts(tx, notices);
  });
  deliverLogoutsSoon(deliveries);
  return sessions.length;
}

/**
 * Revokes what a user allowed applications: every grant (or those of one client), with
 * the codes and tokens issued under it, and the remembered consent, so the application
 * asks again. Returns how many grants went.
 */
export async function revokeUserGrants(db: Db, accountId: string, options: { clientId?: string } = {}): Promise<number> {
  const where = { accountId, ...(options.clientId ? { clientId: options.clientId } : {}) };
  const grants = await db.oidcModel.findMany({ where: { type: 'Grant', ...where }, select: { id: true } });
  const grantIds = grants.map((g) => g.id);
  await db.$transaction([
    db.oidcModel.deleteMany({ where: { grantId: { in: grantIds } } }),
    // Tokens without a grant row (issued before account_id was recorded on grants) still name the account.
    db.oidcModel.deleteMany({ where: { type: { not: 'Session' }, ...where } }),
    db.userConsent.deleteMany({ where: { userId: accountId, ...(options.clientId ? { clientId: options.clientId } : {}) } }),
  ]);
  return grantIds.length;
}

export interface ConnectedApp {
  clientId: string;
  /** Scopes granted, across the client's grants (OIDC scopes and API scopes). */
  scopes: string[];
  /** API resources (RFC 8707) the grants cover. */
  resources: string[];
  grantedAt: Date | null;
}

interface GrantPayload {
  clientId?: string;
  iat?: number;
  openid?: { scope?: string };
  resources?: Record<string, string>;
}

/** The applications a user has allowed, one entry per client. */
export async function listConnectedApps(db: Db, accountId: string, now = new Date()): Promise<ConnectedApp[]> {
  const rows = await db.oidcModel.findMany({
    where: { type: 'Grant', accountId, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    select: { clientId: true, payload: true },
  });
  const apps = new Map<string, { scopes: Set<string>; resources: Set<string>; grantedAt: number }>();
  for (const row of rows) {
    const grant = JSON.parse(row.payload) as GrantPayload;
    const clientId = row.clientId ?? grant.clientId;
    if (!clientId) continue;
    const app = apps.get(clientId) ?? { scopes: new Set<string>(), resources: new Set<string>(), grantedAt: 0 };
    for (const scope of grant.openid?.scope?.split(' ') ?? []) if (scope) app.scopes.add(scope);
    for (const [resource, scopes] of Object.entries(grant.resources ?? {})) {
      app.resources.add(resource);
      for (const scope of scopes.split(' ')) if (scope) app.scopes.add(scope);
    }
    app.grantedAt = Math.max(app.grantedAt, grant.iat ?? 0);
    apps.set(clientId, app);
  }
  return [...apps.entries()]
    .map(([clientId, app]) => ({ clientId, scopes: [...app.scopes], resources: [...app.resources], grantedAt: app.grantedAt ? new Date(app.grantedAt * 1000) : null }))
    .sort((a, b) => (b.grantedAt?.getTime() ?? 0) - (a.grantedAt?.getTime() ?? 0));
}
