import { ZodError } from 'zod';
import { ServiceError, fieldProblems, type FieldProblem } from '@/lib/errors/service-error';
import { log } from '@/lib/log/logger';

/**
 * The admin API's one error shape:
 * `{ "error": code, "error_description": text, "fields": [{ "path", "message" }] }`.
 */
export function apiError(status: number, error: string, description: string, fields: FieldProblem[] = [], headers: HeadersInit = {}): Response {
  return Response.json({ error, error_description: description, fields }, { status, headers: { 'Cache-Control': 'no-store', ...headers } });
}

const statusOf: Record<ServiceError['code'], number> = {
  invalid_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
};

/** Turns anything a handler throws into the error shape; unexpected errors are logged, never shown. */
export function errorResponse(error: unknown): Response {
  if (error instanceof ServiceError) return apiError(statusOf[error.code], error.code, error.message, error.fields);
  if (error instanceof ZodError) return apiError(400, 'invalid_request', 'The request has invalid fields', fieldProblems(error));
  log.error('admin API request failed', { error: error instanceof Error ? error.message : String(error) });
  return apiError(500, 'server_error', 'Something went wrong on our side; nothing was changed. Try again.');
}
