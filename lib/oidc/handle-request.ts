import { clientAddress, requestProtocol } from '@/lib/http/client-address';
import { log } from '@/lib/log/logger';
import { observeRequest } from '@/lib/observability/observe-request';
import { getProvider } from './provider';
import { runNodeHandler } from './node-bridge';
import { RETRY_AFTER_SECONDS } from './temporarily-unavailable';
import { translateJsonBody } from './json-request-body';
import { refusedPreflight } from './cors-preflight';

/**
 * Entry point of every protocol route handler (/oauth/*, /.well-known/*): hands the
 * request to oidc-provider and returns its response. If the provider cannot start
 * (database down, no keys) the caller gets an OAuth-shaped 503, never a stack trace.
 */
export function handleOidcRequest(request: Request, path?: string): Promise<Response> {
  const pathname = new URL(path ?? request.url, request.url).pathname;
  return observeRequest(request, pathname, () => handleWithProvider(request, pathname, path));
}

async function handleWithProvider(request: Request, pathname: string, path?: string): Promise<Response> {
  let mounted;
  try {
    mounted = await getProvider();
  } catch (error) {
    log.error('authorization server unavailable', { error: error instanceof Error ? error.message : String(error) });
    return Response.json(
      { error: 'temporarily_unavailable', error_description: 'The authorization server is temporarily unavailable' },
      { status: 503, headers: { 'Cache-Control': 'no-store', 'Retry-After': String(RETRY_AFTER_SECONDS) } },
    );
  }
  const refused = await refusedPreflight(request, pathname);
  if (refused) return refused;
  const body = await translateJsonBody(request, pathname);
  if (body.kind === 'refused') return body.response;
  const forwarded = body.kind === 'form' ? body.request : request;
  return runNodeHandler(forwarded, mounted.handle, { path, protocol: requestProtocol(request), remoteAddress: clientAddress(request) });
}
