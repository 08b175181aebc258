import type { Actor } from '@/lib/audit/record-audit';
import { withApiKey } from './with-api-key';
import { withConsoleSession } from './with-console-session';

/**
 * For what only the platform may do (managing admin API keys): a super admin signed in
 * to the console, or, headless, a client_credentials token with the `admin` scope sent
 * as a bearer token. An admin API key is refused (403): no key can mint or revoke keys.
 */
export function withPlatformOrConsole<P = Record<string, never>>(handler: (request: Request, context: { actor: Actor; params: P }) => Promise<Response>) {
  const byToken = withApiKey<P>('platform', (request, { actor, params }) => handler(request, { actor, params }));
  const bySession = withConsoleSession<P>({ superAdmin: true }, (request, { actor, params }) => handler(request, { actor, params }));
  return (request: Request, route: { params: Promise<P> }): Promise<Response> => (request.headers.has('authorization') ? byToken(request, route) : bySession(request, route));
}
