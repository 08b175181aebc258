import { getDb } from '@/lib/db/client';
import { authenticateApiKey, type AuthenticatedKey } from '@/lib/api-keys/api-keys';
import type { ApiKeyScope } from '@/lib/api-keys/api-key-schema';
import type { Actor } from '@/lib/audit/record-audit';
import { apiError, errorResponse } from './api-error';
import { BodyError } from './read-json-body';

export interface ApiContext<P> {
  key: AuthenticatedKey;
  actor: Actor;
  params: P;
}

/**
 * Authenticates an admin API request with `Authorization: Bearer <admin api key>`
 * and checks the key's scope, then runs the handler; every failure becomes the API's
 * error shape (RFC 6750 §3 for the authentication ones).
 */
export function withApiKey<P = Record<string, never>>(scope: ApiKeyScope, handler: (request: Request, context: ApiContext<P>) => Promise<Response>) {
  return async (request: Request, route: { params: Promise<P> }): Promise<Response> => {
    try {
      const header = request.headers.get('authorization') ?? '';
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) {
        return apiError(401, 'unauthorized', 'Send an admin API key as Authorization: Bearer <key>', [], { 'WWW-Authenticate': 'Bearer realm="thalamus"' });
      }
      const key = await authenticateApiKey(await getDb(), match[1]!);
      if (!key) {
        return apiError(401, 'unauthorized', 'The API key is not valid: it is unknown, revoked or expired', [], {
          'WWW-Authenticate': 'Bearer realm="thalamus", error="invalid_token"',
        });
      }
      if (!key.scopes.includes(scope)) {
        return apiError(403, 'insufficient_scope', `This API key lacks the ${scope} scope`, [], {
          'WWW-Authenticate': `Bearer realm="thalamus", error="insufficient_scope", scope="${scope}"`,
        });
      }
      const actor: Actor = { type: 'api_key', id: key.id, label: `API key ${key.name} (${key.hint})` };
      return await handler(request, { key, actor, params: await route.params });
    } catch (error) {
      if (error instanceof BodyError) return apiError(error.status, error.code, error.message);
      return errorResponse(error);
    }
  };
}
