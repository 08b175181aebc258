import { randomBytes } from 'node:crypto';
import type { Db } from '@/lib/db/client';
import { parseInput, ServiceError } from '@/lib/errors/service-error';
import { newId } from '@/lib/secrets/ids';
import { clientCreateSchema, clientIdSchema, usesClientSecret } from './client-schema';
import { issueClientSecret } from './client-secret';
import { withClientTypePreset } from './sync-connector';
import { SECRET_HINTS, toClientResponse } from './client-response';
import { toRow } from './client-record';
import type { RegisteredClient } from './client-schema';
import { DEFAULT_ORGANIZATION_ID } from './default-clients';
import { recordAudit, type Actor } from '@/lib/audit/record-audit';
import { checkClientQuota, checkGuardrails } from '@/lib/api-keys/check-guardrails';
import { checkAdminScopeGrant, OPERATOR_ACCESS, registeredByLabel, type ClientAccess } from './client-access';
import { requireKnownResource, requireKnownScopes } from '@/lib/scopes/known-scopes';
import { checkJwksUri } from './jwks-uri-policy';

/** Client IDs are public; 128 random bits make them unguessable all the same. */
function newClientId(): string {
  return randomBytes(16).toString('base64url').replace(/[-_]/g, '').slice(0, 20).toLowerCase().padEnd(20, '0');
}

/**
 * Registers a client: fills in the preset of its client type (a Sync Connector's grant and
 * scopes), validates with the shared schema, generates the client ID and,
 * for confidential clients, a secret. Client, secret digest and audit event commit together.
 * The answer is the RFC 7591 §3.2.1 shape: the client's fields with the secret beside them.
 * A client registered with an admin API key belongs to that key, inside its guardrails.
 * `registrationTokenDigest`: a client registered at /oauth/register (RFC 7591) is stored
 * with the digest of its registration access token, in the same write.
 * `clientId`: the ID to register it under instead of a new one. Only applying a
 * configuration document (lib/config-as-code) passes it, so that a client keeps its ID
 * from one installation to the next; it must match clientIdSchema and be free.
 */
export async function createClient(
  db: Db,
  input: unknown,
  actor: Actor,
  access: ClientAccess = OPERATOR_ACCESS,
  options: { registrationTokenDigest?: string; clientId?: string } = {},
): Promise<RegisteredClient> {
  const fields = parseInput(clientCreateSchema, withClientTypePreset(input));
  const clientId = options.clientId === undefined ? newClientId() : parseInput(clientIdSchema, options.clientId, 'Invalid client ID');
  if (options.clientId !== undefined && (await db.oAuthClient.findUnique({ where: { clientId }, select: { clientId: true } }))) {
    throw new ServiceError('conflict', `A client with the ID ${clientId} exists`, [{ path: 'client_id', message: 'This client ID is taken' }]);
  }

  const guardrails = access.kind === 'api_key' ? access.key.guardrails : undefined;
  const organizationId = fields.organization_id ?? guardrails?.organization_id ?? DEFAULT_ORGANIZATION_ID;
  checkAdminScopeGrant(access, fields.scopes);
  if (guardrails) checkGuardrails(guardrails, { ...fields, organization_id: organizationId });
  if (!(await db.organization.findUnique({ where: { id: organizationId }, select: { id: true } }))) {
    throw new ServiceError('invalid_request', 'Unknown organization', [{ path: 'organization_id', message: 'No organization has this ID' }]);
  }
  await requireKnownScopes(db, fields.scopes);
  await requireKnownResource(db, fields.default_resource);
  checkJwksUri(fields.jwks_uri);

  // A private_key_jwt client proves itself with its own key (RFC 7523 §2.2): no secret to issue.
  const secret = usesClientSecret(fields.token_endpoint_auth_method) ? issueClientSecret() : undefined;
  const client = await db.$transaction(async (tx) => {
    if (access.kind === 'api_key' && guardrails) checkClientQuota(guardrails, await tx.oAuthClient.count({ where: { ownerApiKeyId: access.key.id } }));
    const row = await tx.oAuthClient.create({
      data: {
        clientId,
        ownerApiKeyId: access.kind === 'api_key' ? access.key.id : null,
        registeredBy: registeredByLabel(access, actor),
        registrationTokenDigest: options.registrationTokenDigest ?? null,
        ...toRow({ ...fields, organization_id: organizationId }),
        secrets: secret ? { create: { id: newId('sec'), digest: secret.digest, hint: secret.hint } } : undefined,
      },
      include: SECRET_HINTS,
    });
    const created = toClientResponse(row);
    await recordAudit(tx, actor, 'client.created', { type: 'client', id: created.client_id }, { after: created });
    return created;
  });
  return { ...client, ...(secret ? { client_secret: secret.plaintext, client_secret_expires_at: 0 as const } : {}) };
}
