import type { AccessToken, Client, ClientCredentials, RefreshToken } from 'oidc-provider';

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
 * (`aud`, RFC 8707 §2 / RFC 9068 §3) names it. For now a resource server is named by its
 * client ID; API resources will widen this to the resource indicators a client serves.
 */
export function isTokenAudience(caller: Client, token: AccessToken | ClientCredentials): boolean {
  const audience = token.aud === undefined ? [] : [token.aud].flat();
  return audience.includes(caller.clientId);
}
