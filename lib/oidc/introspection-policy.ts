import type { AccessToken, Client, ClientCredentials, RefreshToken } from 'oidc-provider';
import { clientDefaultResource } from './client-metadata';

export type IntrospectableToken = AccessToken | ClientCredentials | RefreshToken;

/**
 * Who may learn what a token is. RFC 7662 leaves that to the server (§2.1: the endpoint
 * is protected; §4: without a policy, anyone holding credentials could scan for and read
 * other clients' tokens). Thalamus describes a token only to:
 * - a confidential client, one that authenticated (§2.1);
 * - the client the token was issued to;
 * - for access tokens, also a resource server the token is meant for (isTokenAudience).
 * A refresh token is described to its own client only: nobody else ever presents it
 * (RFC 6749 §6, §10.4). Everyone else gets `{"active": false}`, the answer for an unknown
 * token (§2.2), so they cannot even tell whether the token exists.
 */
export function mayIntrospect(caller: Client, token: IntrospectableToken): boolean {
  if (caller.clientAuthMethod === 'none') return false;
  if (token.clientId === caller.clientId) return true;
  if (token.kind === 'RefreshToken') return false;
  return isTokenAudience(caller, token);
}

/**
 * The audience rule: a resource server may introspect the access tokens whose audience
 * (`aud`, RFC 8707 §2 / RFC 9068 §3) names it. A resource server authenticates as a
 * confidential client; it is named by its client ID, or, for an API resource, it is the
 * client whose default API is that API (its identifier is the tokens' `aud`). Registering
 * one client per API with that API as its default is how an API gets to introspect.
 */
export function isTokenAudience(caller: Client, token: AccessToken | ClientCredentials): boolean {
  const audience = token.aud === undefined ? [] : [token.aud].flat();
  const serves = clientDefaultResource(caller);
  return audience.includes(caller.clientId) || (serves !== undefined && audience.includes(serves));
}
