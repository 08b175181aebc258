import { issuer } from '@/lib/config/env';
import { log } from '@/lib/log/logger';
import { getProvider } from './provider';
import { runNodeHandler } from './node-bridge';

/**
 * Entry point of every protocol route handler (/oauth/*, /.well-known/*): hands the
 * request to oidc-provider and returns its response. If the provider cannot start
 * (database down, no keys) the caller gets an OAuth-shaped 503, never a stack trace.
 */
export async function handleOidcRequest(request: Request, path?: string): Promise<Response> {
  let mounted;
  try {
    mounted = await getProvider();
  } catch (error) {
    log.error('authorization server unavailable', { error: error instanceof Error ? error.message : String(error) });
    return Response.json(
      { error: 'server_error', error_description: 'The authorization server is temporarily unavailable' },
      { status: 503, headers: { 'Cache-Control': 'no-store', 'Retry-After': '5' } },
    );
  }
  return runNodeHandler(request, mounted.handle, { path, protocol: requestProtocol(request), remoteAddress: clientAddress(request) });
}

/**
 * The scheme the client used: X-Forwarded-Proto from a TLS-terminating proxy, else
 * the scheme of APP_URL (requests reach `next start` over plain http either way).
 */
export function requestProtocol(request: Request | { headers: Headers }): 'http' | 'https' {
  const forwarded = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  if (forwarded === 'https' || forwarded === 'http') return forwarded;
  return issuer().startsWith('https:') ? 'https' : 'http';
}

/** The nearest hop's view of the client: the last X-Forwarded-For entry (appended by Next's server). */
export function clientAddress(request: Request | { headers: Headers }): string {
  const chain = request.headers.get('x-forwarded-for');
  const last = chain?.split(',').at(-1)?.trim();
  return last || '127.0.0.1';
}
