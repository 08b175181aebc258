import { log } from '@/lib/log/logger';
import { ServiceError } from '@/lib/errors/service-error';

/** The SCIM message schemas (RFC 7644 §3.12, §3.4.2, §3.5.2). */
export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';
export const LIST_RESPONSE_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:ListResponse';
export const PATCH_OP_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** The `scimType` values of RFC 7644 §3.12 (Table 9) that Thalamus answers with. */
export type ScimType = 'invalidFilter' | 'tooMany' | 'uniqueness' | 'mutability' | 'invalidSyntax' | 'invalidPath' | 'noTarget' | 'invalidValue' | 'sensitive';

/** A SCIM failure: thrown anywhere below a handler, answered in the SCIM error shape. */
export class ScimError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 500 | 501,
    message: string,
    readonly scimType?: ScimType,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const SCIM_CONTENT_TYPE = 'application/scim+json';

/** A SCIM response body (RFC 7644 §3.1: application/scim+json). */
export function scimJson(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': SCIM_CONTENT_TYPE, 'Cache-Control': 'no-store', ...headers } });
}

/** `{ schemas: [Error], status: "409", scimType: "uniqueness", detail }` (RFC 7644 §3.12: status is a string). */
export function scimErrorResponse(error: unknown): Response {
  if (error instanceof ScimError) {
    return scimJson(
      { schemas: [ERROR_SCHEMA], status: String(error.status), ...(error.scimType ? { scimType: error.scimType } : {}), detail: error.message },
      error.status,
      error.headers,
    );
  }
  if (error instanceof ServiceError) {
    const status = ({ invalid_request: 400, unauthorized: 401, forbidden: 403, not_found: 404, conflict: 409 } as const)[error.code];
    const fields = error.fields.map((field) => `${field.path}: ${field.message}`).join('; ');
    const scimType = status === 409 ? 'uniqueness' : status === 400 ? 'invalidValue' : undefined;
    return scimErrorResponse(new ScimError(status, fields ? `${error.message} (${fields})` : error.message, scimType));
  }
  log.error('SCIM request failed', { error: error instanceof Error ? error.message : String(error) });
  return scimErrorResponse(new ScimError(500, 'Something went wrong on our side; nothing was changed. Try again.'));
}
