import { ScimError } from './scim-error';

/** Largest SCIM request body read: a user or a group of a few thousand members. */
export const MAX_SCIM_BODY_BYTES = 256 * 1024;

/**
 * Reads a SCIM request body: `application/scim+json` (RFC 7644 §3.1) or plain
 * `application/json` (what several connectors send), a bounded size, one JSON object.
 * Anything else is answered 400 `invalidSyntax` (RFC 7644 §3.12), 413 or 415.
 */
export async function readScimBody(request: Request): Promise<Record<string, unknown>> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/(scim\+)?json(\s*;|$)/i.test(type)) throw new ScimError(415, 'Send the body as JSON with Content-Type: application/scim+json');
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > MAX_SCIM_BODY_BYTES) throw new ScimError(413, `The body is larger than ${MAX_SCIM_BODY_BYTES} bytes`);
  const buffer = Buffer.from(await request.arrayBuffer());
  if (buffer.length > MAX_SCIM_BODY_BYTES) throw new ScimError(413, `The body is larger than ${MAX_SCIM_BODY_BYTES} bytes`);
  let value: unknown;
  try {
    value = JSON.parse(buffer.toString('utf8'));
  } catch (error) {
    throw new ScimError(400, `The body is not valid JSON: ${(error as Error).message}`, 'invalidSyntax');
  }
  if (!isRecord(value)) throw new ScimError(400, 'The body must be a JSON object', 'invalidSyntax');
  return value;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
