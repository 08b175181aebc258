import type Provider from 'oidc-provider';
import { AUTHORIZATION_ROUTE } from './configuration';

/**
 * RFC 6749 §3.3: a client may leave `scope` out of an authorization request, and the
 * server "MUST either process the request using a pre-defined default value or fail the
 * request indicating an invalid scope". Thalamus's default is the set of scopes the client
 * is registered for: the administrator already allowed exactly those, so the request
 * gets nothing the client could not have asked for by name, and every rule of a named
 * request still applies to it (offline_access only with prompt=consent, OIDC Core §11;
 * the consent page when the client requires consent).
 *
 * oidc-provider itself has no default: a request without scope that does not "resolve and
 * default to" one (panva/node-oidc-provider#841) ends, after the user signed in, with
 * access_denied and no description. So the default is written into the request before the
 * provider reads it. Only GET requests without a request object are completed this way:
 * POST is not offered at the authorization endpoint (configuration.ts), and a request
 * object carries its own parameters (RFC 9101 §6.3).
 */
export function defaultScopeToRegistered(provider: Provider): void {
  provider.use(async (ctx, next) => {
    const { query } = ctx;
    if (
      ctx.method === 'GET' &&
      ctx.path === AUTHORIZATION_ROUTE &&
      query.scope === undefined &&
      query.request === undefined &&
      query.request_uri === undefined &&
      typeof query.client_id === 'string'
    ) {
      const scope = await registeredScope(provider, query.client_id);
      if (scope) ctx.query = { ...query, scope };
    }
    await next();
  });
}

/**
 * The scopes the client is registered for, as the provider sees them. A client that
 * cannot be found (or read) gets no default: the provider's own lookup then answers the
 * request with the right error.
 */
async function registeredScope(provider: Provider, clientId: string): Promise<string | undefined> {
  try {
    return (await provider.Client.find(clientId))?.scope || undefined;
  } catch {
    return undefined;
  }
}
