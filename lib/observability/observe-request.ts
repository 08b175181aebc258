import { randomUUID } from 'node:crypto';
import { log } from '@/lib/log/logger';
import { endpointLabel } from './endpoint-label';
import { metrics } from './metrics';

/** An incoming X-Request-Id is kept when it looks like one (a proxy's or a caller's correlation ID); anything else is replaced. */
const REQUEST_ID = /^[\w.:@-]{1,128}$/;

export function requestIdOf(request: Request): string {
  const incoming = request.headers.get('x-request-id');
  return incoming && REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * Runs one protocol or admin API request and accounts for it: the request counter and
 * latency histogram by endpoint template, one log line (`request`, with the request ID,
 * method, path without its query, status and milliseconds; the query can hold codes and
 * tokens, RFC 6749 §4.1.2), and the X-Request-Id response header so a caller can quote it.
 */
export async function observeRequest(request: Request, pathname: string, handle: () => Promise<Response>): Promise<Response> {
  const started = performance.now();
  const requestId = requestIdOf(request);
  const endpoint = endpointLabel(pathname);
  const account = (status: number) => {
    const seconds = (performance.now() - started) / 1000;
    const { httpRequests, httpDuration, serverErrors } = metrics();
    httpRequests.inc({ endpoint, method: request.method, status: String(status) });
    httpDuration.observe({ endpoint }, seconds);
    if (status >= 500) serverErrors.inc({ source: endpoint.startsWith('/api') ? 'admin_api' : 'protocol' });
    log.info('request', { request_id: requestId, method: request.method, path: pathname, status, duration_ms: Math.round(seconds * 10_000) / 10 });
  };
  let response: Response;
  try {
    response = await handle();
  } catch (error) {
    account(500);
    throw error;
  }
  account(response.status);
  return withHeader(response, 'X-Request-Id', requestId);
}

/** Some responses (Response.redirect) have immutable headers: those are copied once. */
function withHeader(response: Response, name: string, value: string): Response {
  try {
    response.headers.set(name, value);
    return response;
  } catch {
    const copy = new Response(response.body, response);
    copy.headers.set(name, value);
    return copy;
  }
}
