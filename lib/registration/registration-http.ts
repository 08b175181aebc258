import { getDb } from '@/lib/db/client';
import { apiError, errorResponse } from '@/lib/http/api-error';
import { BodyError } from '@/lib/http/read-json-body';
import { ServiceError } from '@/lib/errors/service-error';
import { authenticateRegistration, dynamicRegistrationEnabled, type RegisteredSelf } from './dynamic-registration';
import { registrationPath } from './registration-metadata';

/** While DYNAMIC_REGISTRATION is off the endpoints do not exist (and discovery does not name them). */
export function registrationDisabled(): Response {
  return apiError(404, 'not_found', 'Dynamic client registration is not enabled on this server (DYNAMIC_REGISTRATION=on enables it)');
}

/**
 * RFC 7591 §3.2.2 error codes: a refused redirect URI is `invalid_redirect_uri`, any
 * other refused value (the schema's rules, an API key's guardrails) `invalid_client_metadata`,
 * both 400. `fields` names each value to fix, under its RFC 7591 name, as the admin API does.
 */
export function registrationError(error: unknown): Response {
  if (error instanceof ServiceError && isAboutMetadata(error)) {
    const fields = error.fields.map((field) => ({ ...field, path: registrationPath(field.path) }));
    const code = fields.some((field) => /^(post_logout_)?redirect_uris/.test(field.path)) ? 'invalid_redirect_uri' : 'invalid_client_metadata';
    return apiError(400, code, error.message, fields);
  }
  if (error instanceof BodyError) return apiError(error.status, error.code === 'invalid_request' ? 'invalid_client_metadata' : error.code, error.message);
  return errorResponse(error);
}

/** A refused value of the registration; a full quota (max_clients) is about the key and stays a 403. */
function isAboutMetadata(error: ServiceError): boolean {
  if (error.code !== 'invalid_request' && error.code !== 'forbidden') return false;
  return error.fields.length > 0 && error.fields.every((field) => field.path !== 'max_clients');
}

/**
 * RFC 7592 §2: every management request carries the client's registration access token
 * as a bearer token (RFC 6750). A wrong token, a token of another client and an unknown
 * client all get the same 401, so nothing tells a caller which clients exist.
 */
export function withRegistrationToken(handler: (request: Request, self: RegisteredSelf) => Promise<Response>) {
  return async (request: Request, route: { params: Promise<{ clientId: string }> }): Promise<Response> => {
    if (!dynamicRegistrationEnabled()) return registrationDisabled();
    try {
      const { clientId } = await route.params;
      const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
      const self = match ? await authenticateRegistration(await getDb(), clientId, match[1]!) : undefined;
      if (!self) {
        return apiError(401, 'invalid_token', 'Send this client’s registration access token as Authorization: Bearer <token>', [], {
          'WWW-Authenticate': 'Bearer realm="thalamus", error="invalid_token"',
        });
      }
      return await handler(request, self);
    } catch (error) {
      return registrationError(error);
    }
  };
}
