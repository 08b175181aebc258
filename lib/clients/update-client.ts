import type { Db } from '@/lib/db/client';
import { ServiceError } from '@/lib/errors/service-error';
import { checkClientRules, clientFieldsSchema, clientPatchSchema, type ClientPatchInput } from './client-schema';
import { getClient } from './get-client';
import { markClientsChanged } from './clients-version';
import { forgetCachedClients } from '@/lib/oidc/client-cache';
import type { ClientResponse } from './client-schema';
import { diff, recordAudit, type Actor } from '@/lib/audit/record-audit';

/**
 * Fields that make a default client what the console, the apps and directory sync
 * rely on: changing them would break those integrations.
 */
export const DEFAULT_CLIENT_FIXED_FIELDS = ['token_endpoint_auth_method', 'application_type', 'grant_types', 'organization_id'] as const;

/** Applies a change, validated together with the stored client (so cross-field rules still hold). */
export async function updateClient(db: Db, clientId: string, patch: ClientPatchInput, actor: Actor): Promise<ClientResponse> {
  const parsedPatch = clientPatchSchema.safeParse(patch);
  if (!parsedPatch.success) throw ServiceError.fromZod(parsedPatch.error);
  const current = await getClient(db, clientId);
  // Only the fields the caller sent: a partial schema would otherwise fill in defaults.
  const sent = new Set(Object.keys(patch as object));
  const changes = Object.fromEntries(Object.entries(parsedPatch.data).filter(([key, value]) => sent.has(key) && value !== undefined)) as Record<string, unknown>;

  if (current.is_default) {
    const fixed = DEFAULT_CLIENT_FIXED_FIELDS.filter((field) => field in changes && JSON.stringify(changes[field]) !== JSON.stringify(current[field]));
    if (fixed.length) {
      throw new ServiceError(
        'forbidden',
        'This is a default client: the console, the mobile and desktop apps or directory sync depend on it, so its identity cannot change',
        fixed.map((path) => ({ path, message: 'Cannot be changed on a default client' })),
      );
    }
  }

  const merged = clientFieldsSchema.superRefine(checkClientRules).safeParse({
    name: current.name,
    description: current.description,
    organization_id: current.organization_id,
    client_type: current.client_type,
    application_type: current.application_type,
    token_endpoint_auth_method: current.token_endpoint_auth_method,
    redirect_uris: current.redirect_uris,
    post_logout_redirect_uris: current.post_logout_redirect_uris,
    grant_types: current.grant_types,
    scopes: current.scopes,
    require_consent: current.require_consent,
    require_pkce: current.require_pkce,
    access_token_format: current.access_token_format,
    logo_uri: current.logo_uri,
    ...changes,
    response_types: undefined,
  });
  if (!merged.success) throw ServiceError.fromZod(merged.error);
  const next = merged.data;
  if (next.organization_id && !(await db.organization.findUnique({ where: { id: next.organization_id }, select: { id: true } }))) {
    throw new ServiceError('invalid_request', 'Unknown organization', [{ path: 'organization_id', message: 'No organization has this ID' }]);
  }
  if (current.token_endpoint_auth_method === 'none' && next.token_endpoint_auth_method !== 'none') {
    throw new ServiceError('invalid_request', 'A public client cannot become confidential: create a new client instead', [
      { path: 'token_endpoint_auth_method', message: 'Cannot change a public client into a confidential one' },
    ]);
  }

  await db.$transaction(async (tx) => {
    await tx.oAuthClient.update({
      where: { clientId },
      data: {
        name: next.name,
        description: next.description,
        organizationId: next.organization_id,
        applicationType: next.application_type,
        tokenEndpointAuthMethod: next.token_endpoint_auth_method,
        redirectUris: JSON.stringify(next.redirect_uris),
        postLogoutRedirectUris: JSON.stringify(next.post_logout_redirect_uris),
        grantTypes: JSON.stringify(next.grant_types),
        responseTypes: JSON.stringify(next.grant_types.includes('authorization_code') ? ['code'] : []),
        scopes: JSON.stringify(next.scopes),
        requireConsent: next.require_consent,
        requirePkce: next.require_pkce,
        accessTokenFormat: next.access_token_format,
        logoUri: next.logo_uri ?? null,
      },
    });
    // A confidential client made public no longer authenticates with a secret.
    if (next.token_endpoint_auth_method === 'none') await tx.clientSecret.deleteMany({ where: { clientId } });
    await markClientsChanged(tx);
    const after = await getClient(tx as unknown as Db, clientId);
    await recordAudit(tx, actor, 'client.updated', { type: 'client', id: clientId }, diff(current, after));
  });
  forgetCachedClients();
  return getClient(db, clientId);
}
