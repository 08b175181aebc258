import type { Grant, KoaContextWithOIDC } from 'oidc-provider';
import { getDb } from '@/lib/db/client';
import { rememberedScopes } from '@/lib/consent/remembered-consent';
import { clientRequiresConsent } from './client-metadata';

/**
 * Decides whether the consent prompt is needed (oidc-provider's `loadExistingGrant`).
 *
 * - Clients without "Require User Consent" are trusted by the administrator who
 *   registered them: they get the scopes they ask for (within their registered
 *   scopes, which the provider already enforces) without a prompt.
 * - Clients with it get the grant of this session, or one rebuilt from the consent
 *   the user gave before; whatever is missing is asked on the consent page.
 */
export async function loadExistingGrant(ctx: KoaContextWithOIDC) {
  const { client, session, provider } = ctx.oidc;
  if (!client || !session?.accountId) return undefined;
  const grantId = ctx.oidc.result?.consent?.grantId ?? session.grantIdFor(client.clientId);
  const existing = grantId ? await provider.Grant.find(grantId) : undefined;
  const requested = [...ctx.oidc.requestParamOIDCScopes];

  if (clientRequiresConsent(client)) {
    if (existing) return existing;
    const remembered = await rememberedScopes(await getDb(), session.accountId, client.clientId);
    const covered = requested.filter((scope) => remembered.has(scope));
    if (covered.length === 0) return undefined;
    const grant = new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
    addScopes(ctx, grant, covered);
    await grant.save();
    return grant;
  }

  const grant = existing ?? new provider.Grant({ clientId: client.clientId, accountId: session.accountId });
  addScopes(ctx, grant, requested);
  await grant.save();
  return grant;
}

/**
 * Grants `scopes`: as OIDC scopes (the provider's scope list holds every registry scope)
 * and, for each API the request names (`resource`, or the client's default API), those of
 * them the API serves, which is what puts them in that API's access token.
 */
function addScopes(ctx: KoaContextWithOIDC, grant: Grant, scopes: string[]) {
  if (!scopes.length) return;
  grant.addOIDCScope(scopes.join(' '));
  for (const [indicator, server] of Object.entries(ctx.oidc.resourceServers ?? {})) {
    const served = scopes.filter((scope) => server.scopes.has(scope));
    if (served.length) grant.addResourceScope(indicator, served.join(' '));
  }
}
