import type { Db } from '@/lib/db/client';
import { env } from '@/lib/config/env';
import type { Actor } from '@/lib/audit/record-audit';
import { apiKeyById, type AuthenticatedKey } from '@/lib/api-keys/api-keys';
import { createClient } from '@/lib/clients/create-client';
import { updateClient } from '@/lib/clients/update-client';
import { deleteClient } from '@/lib/clients/delete-client';
import { getClient } from '@/lib/clients/get-client';
import { splitSecret } from '@/lib/clients/client-schema';
import type { ClientAccess } from '@/lib/clients/client-access';
import { ServiceError } from '@/lib/errors/service-error';
import { digestSecret, issueSecret, matchesDigest } from '@/lib/secrets/secret-token';
import { toClientInput, toRegistrationResponse, type RegistrationResponse } from './registration-metadata';

/**
 * Dynamic client registration (RFC 7591) and its management protocol (RFC 7592), on top
 * of the admin API's client services: a registration is createClient with the admin API
 * key that presented itself as the initial access token (RFC 7591 §3), so the key owns
 * the client and its guardrails (grants, scopes, redirect hosts, organization, quota)
 * hold exactly as for POST /api/clients.
 *
 * The client then manages itself with its registration access token (RFC 7592 §1), of
 * which only a digest is stored. Changes it makes stay inside the guardrails of the key
 * that registered it; once that key is revoked the registration can still be read and
 * deleted, no longer changed.
 */
export const REGISTRATION_TOKEN_PREFIX = 'thrat_';

/** Off unless DYNAMIC_REGISTRATION=on: an open door for clients is an operator's decision. */
export function dynamicRegistrationEnabled(): boolean {
  return env().DYNAMIC_REGISTRATION === 'on';
}

function keyActor(key: AuthenticatedKey): Actor {
  return { type: 'api_key', id: key.id, label: `API key ${key.name} (${key.hint})` };
}

/** POST /oauth/register: the client, its secret (confidential clients) and its registration access token, shown this once. */
export async function registerClient(db: Db, metadata: Record<string, unknown>, key: AuthenticatedKey): Promise<RegistrationResponse> {
  const token = issueSecret(REGISTRATION_TOKEN_PREFIX);
  const registered = await createClient(db, toClientInput(metadata), keyActor(key), { kind: 'api_key', key }, { registrationTokenDigest: token.digest });
  const { client, secret } = splitSecret(registered);
  return toRegistrationResponse(client, token.plaintext, secret);
}

/** A client that proved itself with its registration access token. */
export interface RegisteredSelf {
  clientId: string;
  token: string;
  ownerApiKeyId: string | null;
}

/** The client `clientId` if `presented` is its registration access token; undefined otherwise (RFC 7592 §2: 401). */
export async function authenticateRegistration(db: Db, clientId: string, presented: string): Promise<RegisteredSelf | undefined> {
  if (!presented.startsWith(REGISTRATION_TOKEN_PREFIX) || presented.length > 200) return undefined;
  const row = await db.oAuthClient.findUnique({
    where: { registrationTokenDigest: digestSecret(presented) },
    select: { clientId: true, ownerApiKeyId: true },
  });
  if (!row || row.clientId !== clientId) return undefined;
  return { clientId: row.clientId, token: presented, ownerApiKeyId: row.ownerApiKeyId };
}

function selfActor(self: RegisteredSelf): Actor {
  return { type: 'client', id: self.clientId, label: `Registration access token of ${self.clientId}` };
}

/** GET /oauth/register/{client_id} (RFC 7592 §2.1). Never the secret: it was shown once, at registration. */
export async function readRegistration(db: Db, self: RegisteredSelf): Promise<RegistrationResponse> {
  return toRegistrationResponse(await getClient(db, self.clientId), self.token);
}

/**
 * PUT /oauth/register/{client_id} (RFC 7592 §2.2): the request replaces the registration,
 * so a field left out takes its default again. The body names the client (`client_id`,
 * required) and may repeat its secret, which must then be the current one: a secret is
 * never set through this endpoint.
 */
export async function replaceRegistration(db: Db, self: RegisteredSelf, metadata: Record<string, unknown>): Promise<RegistrationResponse> {
  if (metadata.client_id !== self.clientId) {
    throw new ServiceError('invalid_request', 'client_id must be the ID of the client being updated', [{ path: 'client_id', message: `Send "${self.clientId}"` }]);
  }
  if (metadata.client_secret !== undefined) await requireCurrentSecret(db, self.clientId, metadata.client_secret);
  const access = await ownerAccess(db, self);
  // client_type is chosen at registration (a preset), not changed afterwards.
  const { client_type: _preset, ...replacement }: Record<string, unknown> = { ...REPLACED_DEFAULTS, ...toClientInput(metadata) };
  return toRegistrationResponse(await updateClient(db, self.clientId, replacement, selfActor(self), access), self.token);
}

/** DELETE /oauth/register/{client_id} (RFC 7592 §2.3): the client and everything issued to it. */
export async function deleteRegistration(db: Db, self: RegisteredSelf): Promise<void> {
  const access: ClientAccess = { kind: 'platform', clientId: self.clientId };
  await deleteClient(db, self.clientId, selfActor(self), access);
}

/** What a field the PUT leaves out becomes (the schema's defaults). */
const REPLACED_DEFAULTS = {
  description: '',
  redirect_uris: [],
  post_logout_redirect_uris: [],
  token_endpoint_auth_method: 'client_secret_basic',
  require_consent: false,
  require_pkce: true,
  access_token_format: 'jwt',
  default_resource: null,
  logo_uri: null,
  backchannel_logout_uri: null,
};

async function ownerAccess(db: Db, self: RegisteredSelf): Promise<ClientAccess> {
  const key = self.ownerApiKeyId ? await apiKeyById(db, self.ownerApiKeyId) : undefined;
  if (!key) {
    throw new ServiceError('forbidden', 'The API key that registered this client was revoked: its registration can be read and deleted, no longer changed');
  }
  return { kind: 'api_key', key };
}

async function requireCurrentSecret(db: Db, clientId: string, presented: unknown): Promise<void> {
  const now = new Date();
  const secrets = await db.clientSecret.findMany({ where: { clientId }, select: { digest: true, expiresAt: true } });
  const live = secrets.filter((s) => !s.expiresAt || s.expiresAt > now).map((s) => s.digest);
  if (typeof presented !== 'string' || !matchesDigest(presented, live)) {
    throw new ServiceError('invalid_request', 'client_secret does not match: a secret cannot be changed here', [
      { path: 'client_secret', message: 'Leave it out, or send the current secret' },
    ]);
  }
}
