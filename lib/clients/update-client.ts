import type { Db } from '@/lib/db/client';
import { ServiceError } from '@/lib/errors/service-error';
import { clientPatchSchema, usesClientSecret } from './client-schema';
import { getClient } from './get-client';
import { changeClients } from './clients-version';
import { fieldsOf, toRow } from './client-record';
import type { ClientResponse } from './client-schema';
import { diff, recordAudit, type Actor } from '@/lib/audit/record-audit';
import { checkGuardrails } from '@/lib/api-keys/check-guardrails';
import { assertClientReachable, checkAdminScopeGrant, OPERATOR_ACCESS, type ClientAccess } from './client-access';
import { clientRulesFor, CONSOLE_CLIENT_DISABLE_REFUSAL, CONSOLE_CLIENT_ID, CONSOLE_CLIENT_MANAGED_FIELDS, DEFAULT_CLIENT_GUARDED_FIELDS } from './default-clients';
import { setClientEnabled } from './delete-client';
import { requireKnownResource, requireKnownScopes } from '@/lib/scopes/known-scopes';
import { checkJwksUri } from './jwks-uri-policy';

/**
 * Fields that make a default client what the console, the apps and directory sync
 * rely on: changing them would break those integrations.
 */
export const DEFAULT_CLIENT_FIXED_FIELDS = ['token_endpoint_auth_method', 'application_type', 'grant_types', 'organization_id'] as const;

/** Refuses the change when it alters any of `fields` (sending a field unchanged is fine), naming each one. */
function refuseChangesTo(fields: readonly string[], changes: Record<string, unknown>, current: ClientResponse, refusal: { message: string; field: string }): void {
  const changed = fields.filter((field) => field in changes && JSON.stringify(changes[field]) !== JSON.stringify(current[field as keyof ClientResponse]));
  if (changed.length)
    throw new ServiceError(
      'forbidden',
      refusal.message,
      changed.map((path) => ({ path, message: refusal.field })),
    );
}

/**
 * Applies a change, validated together with the stored client (so cross-field rules still
 * hold) and, for an admin API key, against its guardrails. `enabled` turns the client on or
 * off (see setClientEnabled). Everything is checked before anything is written.
 */
export async function updateClient(db: Db, clientId: string, patch: unknown, actor: Actor, access: ClientAccess = OPERATOR_ACCESS): Promise<ClientResponse> {
  const parsedPatch = clientPatchSchema.safeParse(patch);
  if (!parsedPatch.success) throw ServiceError.fromZod(parsedPatch.error);
  await assertClientReachable(db, access, clientId, 'write');
  const current = await getClient(db, clientId);
  // Only the fields the caller sent: a partial schema would otherwise fill in defaults.
  const sent = new Set(Object.keys(patch as object));
  const { enabled, ...sentFields } = Object.fromEntries(Object.entries(parsedPatch.data).filter(([key, value]) => sent.has(key) && value !== undefined)) as Record<string, unknown>;
  const changes = sentFields;

  if (clientId === CONSOLE_CLIENT_ID) {
    refuseChangesTo(CONSOLE_CLIENT_MANAGED_FIELDS, changes, current, {
      message: "Thalamus manages the console's redirect URIs: they follow APP_URL, so that administrators can always sign in",
      field: 'Managed by Thalamus',
    });
    if (enabled === false) throw new ServiceError('forbidden', CONSOLE_CLIENT_DISABLE_REFUSAL, [{ path: 'enabled', message: 'Cannot be disabled' }]);
    // The console's sign-in sends a plain authorization request and uses bearer tokens.
    refuseChangesTo(['require_pushed_authorization_requests', 'dpop_bound_access_tokens'], changes, current, {
      message: 'The console signs administrators in without PAR or DPoP: requiring either of its client would lock every administrator out',
      field: "Fixed on the console's own client",
    });
  }
  if (current.is_default && access.kind === 'operator' && !access.superAdmin) {
    refuseChangesTo(DEFAULT_CLIENT_GUARDED_FIELDS, changes, current, {
      message: "Only a super admin can change a default client's redirect URIs or scopes: the console and Thalamus's own apps send users' sign-ins there",
      field: 'Super admins only on a default client',
    });
  }

  if (current.is_default) {
    refuseChangesTo(DEFAULT_CLIENT_FIXED_FIELDS, changes, current, {
      message: 'This is a default client: the console, the mobile and desktop apps or directory sync depend on it, so its identity cannot change',
      field: 'Cannot be changed on a default client',
    });
  }

  // response_types follow the grants (responseTypesFor): a change never sets them.
  const merged = clientRulesFor(clientId).safeParse({ ...fieldsOf(current), ...changes, response_types: undefined });
  if (!merged.success) throw ServiceError.fromZod(merged.error);
  const next = merged.data;
  if (next.organization_id && !(await db.organization.findUnique({ where: { id: next.organization_id }, select: { id: true } }))) {
    throw new ServiceError('invalid_request', 'Unknown organization', [{ path: 'organization_id', message: 'No organization has this ID' }]);
  }
  if (sent.has('scopes')) await requireKnownScopes(db, next.scopes);
  if (sent.has('default_resource')) await requireKnownResource(db, next.default_resource);
  if (sent.has('jwks_uri')) checkJwksUri(next.jwks_uri);
  if (current.token_endpoint_auth_method === 'none' && next.token_endpoint_auth_method !== 'none') {
    throw new ServiceError('invalid_request', 'A public client cannot become confidential: create a new client instead', [
      { path: 'token_endpoint_auth_method', message: 'Cannot change a public client into a confidential one' },
    ]);
  }
  checkAdminScopeGrant(access, next.scopes, current.scopes);
  // Guardrails bind every write: a client registered under looser ones must come within the current ones.
  if (access.kind === 'api_key') checkGuardrails(access.key.guardrails, { ...next, organization_id: next.organization_id ?? current.organization_id });

  if (Object.keys(changes).length === 0) {
    if (typeof enabled === 'boolean' && enabled !== current.enabled) await setClientEnabled(db, clientId, enabled, actor, access);
    return getClient(db, clientId);
  }

  await changeClients(db, async (tx) => {
    await tx.oAuthClient.update({ where: { clientId }, data: toRow({ ...next, organization_id: next.organization_id ?? current.organization_id }) });
    // A client made public, or switched to private_key_jwt, no longer authenticates with a secret.
    if (!usesClientSecret(next.token_endpoint_auth_method)) await tx.clientSecret.deleteMany({ where: { clientId } });
    const after = await getClient(tx, clientId);
    await recordAudit(tx, actor, 'client.updated', { type: 'client', id: clientId }, diff(current, after));
  });
  if (typeof enabled === 'boolean' && enabled !== current.enabled) await setClientEnabled(db, clientId, enabled, actor, access);
  return getClient(db, clientId);
}
