import { errors, type Client, type KoaContextWithOIDC, type ResourceServer } from 'oidc-provider';
import { getDb } from '@/lib/db/client';
import { currentResourceRegistry } from '@/lib/resources/resource-registry';
import { clientAccessTokenFormat, clientDefaultResource } from './client-metadata';
import { defaultResource } from './default-resource';
import { tokenLifetimes } from './token-lifetimes';

/**
 * The API a request without `resource` is for (RFC 8707 §2: the server may assume a
 * default). The client's default API when it has one, on the authorization request (so the
 * code, and every token from it, is for that API) and for client_credentials; otherwise
 * client_credentials tokens are for Thalamus's own API, and user sign-ins get tokens for
 * userinfo only.
 */
export function resourceFor(ctx: KoaContextWithOIDC, client?: Client): string | undefined {
  const own = clientDefaultResource(client ?? ctx.oidc.client);
  if (ctx.oidc.route === 'authorization') return own;
  if (ctx.oidc.route === 'token' && ctx.oidc.params?.grant_type === 'client_credentials') return own ?? defaultResource();
  return undefined;
}

/**
 * What a token for `identifier` looks like, from the registry in memory (no query per
 * request). An identifier no API has → invalid_target (RFC 8707 §2). The scopes offered
 * are the API's that the client is granted: anything else the client asks for is either
 * not granted to it (the provider answers invalid_scope, the scope being in its scope
 * list) or another API's, left out of this token, which is for one audience only.
 */
export async function resourceServerInfo(_ctx: KoaContextWithOIDC, identifier: string, client: Client): Promise<ResourceServer> {
  const registry = await currentResourceRegistry(getDb);
  const resource = registry.resources.get(identifier);
  if (!resource) throw new errors.InvalidTarget(`no API has the identifier ${identifier}`);
  const granted = new Set((client.scope ?? '').split(' '));
  // Thalamus's own API keeps its behaviour from before APIs: the client's format, ACCESS_TOKEN_TTL.
  const format = resource.protected ? clientAccessTokenFormat(client) : resource.accessTokenFormat;
  return {
    scope: resource.scopes.filter((scope) => granted.has(scope)).join(' '),
    audience: identifier,
    accessTokenTTL: resource.protected ? tokenLifetimes().AccessToken : resource.accessTokenLifetime,
    accessTokenFormat: format,
    // RFC 9068 §2.1: typ "at+jwt", signed with the provider's key (ES256, like ID tokens).
    ...(format === 'jwt' ? { jwt: { sign: { alg: 'ES256' } } } : {}),
  };
}
