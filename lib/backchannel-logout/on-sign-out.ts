import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import { getDb } from '@/lib/db/client';
import { log } from '@/lib/log/logger';
import { deliverLogoutsSoon, enqueueLogouts, noticesForSession } from './logout-queue';

/**
 * A user who confirms "Sign out" at /oauth/logout (OIDC RP-Initiated Logout) ends their
 * session at Thalamus: every client the session signed in to that has a
 * backchannel_logout_uri is told (OIDC Back-Channel Logout 1.0 §2.7, "OP logs out the
 * End-User"). oidc-provider's own backchannelLogout feature stays off: it would POST
 * inline, without a queue, retries or the private-address guard.
 *
 * The provider has destroyed the session by the time the request is answered; the
 * session object it worked on still names the account and, per client, the sid.
 */
export function notifyClientsOnSignOut(provider: Provider): void {
  provider.use(async (ctx, next) => {
    await next();
    const oidc = (ctx as KoaContextWithOIDC).oidc;
    if (oidc?.route !== 'end_session_confirm' || !oidc.params?.logout) return;
    const session = oidc.session as unknown as { accountId?: string; destroyed?: boolean; authorizations?: Record<string, { sid?: unknown }> } | undefined;
    if (!session?.accountId || !session.destroyed) return;
    try {
      const ids = await enqueueLogouts(await getDb(), noticesForSession(session.accountId, session.authorizations));
      deliverLogoutsSoon(ids);
    } catch (error) {
      // The user is signed out either way; a client that is not told keeps its own session until it expires.
      log.error('back-channel logout could not be queued', { error: error instanceof Error ? error.message : String(error) });
    }
  });
}

/** What discovery says (OIDC Back-Channel Logout 1.0 §2.1): supported, with sid in logout tokens. */
export const BACKCHANNEL_LOGOUT_DISCOVERY = { backchannel_logout_supported: true, backchannel_logout_session_supported: true } as const;
