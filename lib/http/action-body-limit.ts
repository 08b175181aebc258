import { apiError } from './api-error';

/**
 * Largest body of a console or hosted-page POST (server actions): Next.js's own limit
 * (`serverActions.bodySizeLimit`, 1 MB by default, left as it is in next.config.mjs).
 * Next.js enforces it too, but answers a body over it with a 500 (and an MPA form with
 * an error page); checked first here, the sender gets 413 (RFC 9110 §15.5.14).
 */
export const ACTION_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * 413 with the API's error shape when the body is over the limit, else null. A declared
 * Content-Length decides at once (Node's HTTP parser holds the body to it); a chunked
 * body is counted as it arrives, and counting stops at the limit. Next.js hands the
 * proxy a copy of the body, so reading it here leaves it for the action.
 */
export async function oversizedBodyResponse(request: Request): Promise<Response | null> {
  const declared = request.headers.get('content-length');
  const oversized = declared !== null ? Number(declared) > ACTION_BODY_LIMIT_BYTES : await streamExceedsLimit(request.body);
  return oversized ? apiError(413, 'payload_too_large', `The request body is larger than 1 MB (${ACTION_BODY_LIMIT_BYTES} bytes)`) : null;
}

async function streamExceedsLimit(body: ReadableStream<Uint8Array> | null): Promise<boolean> {
  if (!body) return false;
  const reader = body.getReader();
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return false;
    size += value.byteLength;
    if (size > ACTION_BODY_LIMIT_BYTES) {
      await reader.cancel();
      return true;
    }
  }
}
