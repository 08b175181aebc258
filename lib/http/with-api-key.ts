import { getDb, type Db } from '@/lib/db/client';
import { API_KEY_PREFIX, authenticateApiKey } from '@/lib/api-keys/api-keys';
import type { ApiKeyScope } from '@/lib/api-keys/api-key-schema';
import type { Actor } from '@/lib/audit/record-audit';
import type { ClientAccess } from '@/lib/clients/client-access';
import { authenticatePlatformToken } from '@/lib/oidc/admin-token';
import { takeAttempt } from '@/lib/throttle/rate-limit';
import { apiError, errorResponse } from './api-error';
import { BodyError } from './read-json-body';
import { observeRequest } from '@/lib/observability/observe-request';

export interface ApiContext<P> {
  /** What the caller may reach: its own clients (an API key) or all of them (an admin token). */
  access: Exclude<ClientAccess, { kind: 'operator' }>;
  actor: Actor;
  /** Whose Idempotency-Key records these are: one key's retries never answer another's. */
  idempotencyOwner: string;
  params: P;
}

/** `platform`: only an admin-scope token may call (API keys cannot manage API keys, nor apply a whole configuration). */
export type AdminApiRequirement = ApiKeyScope | 'platform';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const unauthorized = (description: string, error?: string) =>
  apiError(401, 'unauthorized', description, [], { 'WWW-Authenticate': `Bearer realm="thalamus"${error ? `, error="${error}"` : ''}` });

/**
 * Authenticates an admin API request and checks what the credential may do, then runs
 * the handler; every failure becomes the API's error shape (RFC 6750 §3 for the
 * authentication ones). Two credentials are accepted as `Authorization: Bearer …`:
 * an admin API key (`thak_…`: scoped, owns the clients it registers, rate limited per
 * key) or a client_credentials access token with the `admin` scope (the Admin Client's:
 * the whole admin API, for platform automation).
 */
export function withApiKey<P = Record<string, never>>(requirement: AdminApiRequirement, handler: (request: Request, context: ApiContext<P>) => Promise<Response>) {
  return (request: Request, route: { params: Promise<P> }): Promise<Response> => observeRequest(request, new URL(request.url).pathname, () => authenticated(request, route));
  async function authenticated(request: Request, route: { params: Promise<P> }): Promise<Response> {
    try {
      const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
      if (!match) return unauthorized('Send an admin API key or an Admin Client access token as Authorization: Bearer <credential>');
      const db = await getDb();
      const presented = match[1]!;
      const context = presented.startsWith(API_KEY_PREFIX) ? await keyContext(db, request, presented, requirement) : await tokenContext(db, presented);
      if (context instanceof Response) return context;
      return await handler(request, { ...context, params: await route.params });
    } catch (error) {
      if (error instanceof BodyError) return apiError(error.status, error.code, error.message);
      return errorResponse(error);
    }
  }
}

async function keyContext(db: Db, request: Request, presented: string, requirement: AdminApiRequirement): Promise<Omit<ApiContext<never>, 'params'> | Response> {
  const key = await authenticateApiKey(db, presented);
  if (!key) return unauthorized('The API key is not valid: it is unknown, revoked or expired', 'invalid_token');
  if (requirement === 'platform') {
    return apiError(
      403,
      'insufficient_scope',
      'API keys cannot do this (manage API keys, apply a configuration): use an Admin Client access token (scope admin) or the console',
      [],
      {
        'WWW-Authenticate': 'Bearer realm="thalamus", error="insufficient_scope", scope="admin"',
      },
    );
  }
  if (!key.scopes.includes(requirement)) {
    return apiError(403, 'insufficient_scope', `This API key lacks the ${requirement} scope`, [], {
      'WWW-Authenticate': `Bearer realm="thalamus", error="insufficient_scope", scope="${requirement}"`,
    });
  }
  if (WRITE_METHODS.has(request.method)) {
    // Counted in the database, so the limit holds however many instances share it.
    const verdict = await takeAttempt(db, `admin-api-writes:${key.id}`, { max: key.guardrails.writes_per_minute, windowSeconds: 60 });
    if (!verdict.allowed) {
      return apiError(429, 'rate_limited', `This API key may make ${key.guardrails.writes_per_minute} writes a minute; try again in ${verdict.retryAfter} s`, [], {
        'Retry-After': String(verdict.retryAfter),
      });
    }
  }
  return { access: { kind: 'api_key', key }, actor: { type: 'api_key', id: key.id, label: `API key ${key.name} (${key.hint})` }, idempotencyOwner: key.id };
}

async function tokenContext(db: Db, presented: string): Promise<Omit<ApiContext<never>, 'params'> | Response> {
  const credential = await authenticatePlatformToken(db, presented);
  if (!credential) {
    return unauthorized('The credential is not valid: use a live admin API key (thak_…) or a live client_credentials access token with the admin scope', 'invalid_token');
  }
  return {
    access: { kind: 'platform', clientId: credential.clientId },
    actor: { type: 'client', id: credential.clientId, label: `Admin API token of ${credential.clientId}` },
    idempotencyOwner: `client:${credential.clientId}`,
  };
}
