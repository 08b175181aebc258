import type { Db } from '@/lib/db/client';
import type { ApiKey } from '@/lib/db/generated/sqlite/client';
import { ServiceError } from '@/lib/errors/service-error';
import { diff, recordAudit, type Actor } from '@/lib/audit/record-audit';
import { digestSecret, issueSecret } from '@/lib/secrets/secret-token';
import { newId } from '@/lib/secrets/ids';
import { parseList } from '@/lib/db/json-list';
import type { GrantType } from '@/lib/clients/client-schema';
import { checkGuardrailReferences } from './guardrail-references';
import { apiKeyCreateSchema, apiKeyGuardrailsPatchSchema, apiKeyResponseSchema, type ApiKeyGuardrails, type ApiKeyResponse, type ApiKeyScope } from './api-key-schema';

/** Admin API keys start with this prefix, so a leaked one is recognisable. */
export const API_KEY_PREFIX = 'thak_';

export function toApiKeyResponse(row: ApiKey): ApiKeyResponse {
  return apiKeyResponseSchema.parse({
    id: row.id,
    name: row.name,
    description: row.description,
    scopes: parseList(row.scopes),
    hint: row.hint,
    ...guardrailsOf(row),
    created_at: row.createdAt.toISOString(),
    last_used_at: row.lastUsedAt?.toISOString() ?? null,
    expires_at: row.expiresAt?.toISOString() ?? null,
    revoked_at: row.revokedAt?.toISOString() ?? null,
  });
}

/** Creates a key (192 random bits); the plaintext is returned here and never again. */
export async function createApiKey(db: Db, input: unknown, actor: Actor): Promise<{ api_key: ApiKeyResponse; key: string }> {
  const parsed = apiKeyCreateSchema.safeParse(input);
  if (!parsed.success) throw ServiceError.fromZod(parsed.error);
  await checkGuardrailReferences(db, parsed.data);
  const secret = issueSecret(API_KEY_PREFIX, 24);
  const api_key = await db.$transaction(async (tx) => {
    const row = await tx.apiKey.create({
      data: {
        id: newId('key'),
        name: parsed.data.name,
        description: parsed.data.description,
        scopes: JSON.stringify(parsed.data.scopes),
        digest: secret.digest,
        hint: secret.hint,
        ...guardrailColumns(parsed.data),
        createdById: actor.type === 'admin' ? actor.id : null,
        expiresAt: parsed.data.expires_at ? new Date(parsed.data.expires_at) : null,
      },
    });
    const response = toApiKeyResponse(row);
    await recordAudit(tx, actor, 'api_key.created', { type: 'api_key', id: row.id }, { after: response });
    return response;
  });
  return { api_key, key: secret.plaintext };
}

/**
 * Changes a key's guardrails. Clients the key registered are left as they are; the
 * next write to one of them has to satisfy the new guardrails.
 */
export async function updateApiKeyGuardrails(db: Db, id: string, patch: unknown, actor: Actor): Promise<ApiKeyResponse> {
  const parsed = apiKeyGuardrailsPatchSchema.safeParse(patch);
  if (!parsed.success) throw ServiceError.fromZod(parsed.error);
  const row = await db.apiKey.findUnique({ where: { id } });
  if (!row || row.revokedAt) throw new ServiceError('not_found', `No live API key has the ID ${id}`);
  const next = { ...guardrailsOf(row), ...Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined)) } as ApiKeyGuardrails;
  await checkGuardrailReferences(db, next);
  return db.$transaction(async (tx) => {
    const updated = await tx.apiKey.update({ where: { id }, data: guardrailColumns(next) });
    const response = toApiKeyResponse(updated);
    await recordAudit(tx, actor, 'api_key.updated', { type: 'api_key', id }, diff(toApiKeyResponse(row), response));
    return response;
  });
}

/**
 * Revocation takes effect on the next request: keys are checked against the database
 * every time. The clients the key registered keep working and are owned by no key from
 * then on (the console and the CLI manage them); the audit row lists them.
 */
export async function revokeApiKey(db: Db, id: string, actor: Actor): Promise<void> {
  const row = await db.apiKey.findUnique({ where: { id } });
  if (!row) throw new ServiceError('not_found', `No API key has the ID ${id}`);
  if (row.revokedAt) return;
  await db.$transaction(async (tx) => {
    const owned = await tx.oAuthClient.findMany({ where: { ownerApiKeyId: id }, select: { clientId: true } });
    await tx.oAuthClient.updateMany({ where: { ownerApiKeyId: id }, data: { ownerApiKeyId: null } });
    await tx.apiKey.update({ where: { id }, data: { revokedAt: new Date() } });
    await recordAudit(tx, actor, 'api_key.revoked', { type: 'api_key', id }, { before: toApiKeyResponse(row), released_clients: owned.map((c) => c.clientId) });
  });
}

export interface AuthenticatedKey {
  id: string;
  name: string;
  hint: string;
  scopes: ApiKeyScope[];
  guardrails: ApiKeyGuardrails;
}

function guardrailsOf(row: ApiKey): ApiKeyGuardrails {
  const list = (json: string | null) => (json === null ? null : parseList(json));
  return {
    allowed_grant_types: list(row.allowedGrantTypes) as GrantType[] | null,
    allowed_scopes: list(row.allowedScopes),
    allowed_redirect_hosts: list(row.allowedRedirectHosts),
    organization_id: row.organizationId,
    max_clients: row.maxClients,
    writes_per_minute: row.writesPerMinute,
  };
}

function guardrailColumns(guardrails: ApiKeyGuardrails) {
  const list = (values: string[] | null | undefined) => (values ? JSON.stringify(values) : null);
  return {
    allowedGrantTypes: list(guardrails.allowed_grant_types),
    allowedScopes: list(guardrails.allowed_scopes),
    allowedRedirectHosts: list(guardrails.allowed_redirect_hosts),
    organizationId: guardrails.organization_id ?? null,
    maxClients: guardrails.max_clients ?? null,
    writesPerMinute: guardrails.writes_per_minute,
  };
}

/** A live key by its ID (the owner of a client, acting through that client's registration access token). */
export async function apiKeyById(db: Db, id: string): Promise<AuthenticatedKey | undefined> {
  const row = await db.apiKey.findUnique({ where: { id } });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= Date.now())) return undefined;
  return { id: row.id, name: row.name, hint: row.hint, scopes: parseList(row.scopes) as ApiKeyScope[], guardrails: guardrailsOf(row) };
}

/** How often last_used_at is written at most, to keep hot keys from writing on every request. */
const LAST_USED_RESOLUTION_MS = 60_000;

/** The key behind a presented bearer value, if it is live (not revoked, not expired). */
export async function authenticateApiKey(db: Db, presented: string): Promise<AuthenticatedKey | undefined> {
  if (!presented.startsWith(API_KEY_PREFIX) || presented.length > 200) return undefined;
  const row = await db.apiKey.findUnique({ where: { digest: digestSecret(presented) } });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt.getTime() <= Date.now())) return undefined;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db.apiKey.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { id: row.id, name: row.name, hint: row.hint, scopes: parseList(row.scopes) as ApiKeyScope[], guardrails: guardrailsOf(row) };
}
