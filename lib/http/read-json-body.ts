import { ServiceError } from '@/lib/errors/service-error';

/** Largest JSON body the admin API reads (a client registration is a few KB). */
export const MAX_JSON_BODY_BYTES = 64 * 1024;

export class BodyError extends Error {
  constructor(
    readonly status: 400 | 413 | 415,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Reads a JSON object body: the right content type, a bounded size, valid JSON, an object at the top. */
export async function readJsonBody(request: Request, { maxBytes = MAX_JSON_BODY_BYTES }: { maxBytes?: number } = {}): Promise<{ value: Record<string, unknown>; text: string }> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json(\s*;|$)/i.test(type)) {
    throw new BodyError(415, 'unsupported_media_type', 'Send the body as JSON with Content-Type: application/json');
  }
  const declared = Number(request.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw new BodyError(413, 'payload_too_large', `The body is larger than ${maxBytes} bytes`);
  const buffer = Buffer.from(await request.arrayBuffer());
  if (buffer.length > maxBytes) throw new BodyError(413, 'payload_too_large', `The body is larger than ${maxBytes} bytes`);
  const text = buffer.toString('utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BodyError(400, 'invalid_request', `The body is not valid JSON: ${(error as Error).message}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    throw new ServiceError('invalid_request', 'The body must be a JSON object', [{ path: '', message: 'Expected an object' }]);
  }
  return { value: value as Record<string, unknown>, text };
}

/** Like readJsonBody, for requests whose body may be left out entirely (then `{}`). */
export async function readOptionalJsonBody(request: Request): Promise<{ value: Record<string, unknown>; text: string }> {
  const length = request.headers.get('content-length');
  const empty = !request.headers.get('content-type') && (length === null || length === '0') && !request.headers.get('transfer-encoding');
  return empty ? { value: {}, text: '' } : readJsonBody(request);
}
