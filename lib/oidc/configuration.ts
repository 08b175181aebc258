import { errors, interactionPolicy, type Client, type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { issuer } from '@/lib/config/env';
import type { KeyMaterial } from '@/lib/keys/keys';
import { BUILTIN_SCOPES } from '@/lib/scopes/builtin-scopes';
import { groupAccessPrompt } from '@/lib/groups/group-access-prompt';
import type { ResourceRegistry } from '@/lib/resources/resource-registry';
import { EXTRA_CLIENT_METADATA_KEYS, extraClientMetadataProblem } from '@/lib/clients/extra-client-metadata';
import { PrismaAdapter } from './adapter';
import { findAccount } from './find-account';
import { renderProviderError } from './error-page';
import { reportingOutages } from './temporarily-unavailable';
import { clientRequiresPkce } from './client-metadata';
import { resourceFor, resourceServerInfo } from './resource-server-info';
import { loadExistingGrant } from './load-existing-grant';
import { mayIntrospect } from './introspection-policy';
import { logoutSource, postLogoutSuccessSource } from './logout-pages';
import { tokenLifetimes } from './token-lifetimes';
import { CLIENT_AUTH_METHODS, clientAllowsOrigin, DPOP_SIGNING_ALGS, perClientLifetimes, rotateRefreshToken, SECURITY_DISCOVERY, SECURITY_FEATURES } from './client-security';
import { adminPasskeyCheck } from './admin-passkey-check';
import { outboundFetch } from './outbound-fetch';
import { successSource, userCodeConfirmSource, userCodeInputSource } from './device-pages';
import { registrationDiscovery } from '@/lib/registration/registration-metadata';
import { BACKCHANNEL_LOGOUT_DISCOVERY } from '@/lib/backchannel-logout/on-sign-out';

export { defaultResource } from './default-resource';

/** Where the authorization endpoint is mounted (RFC 6749 §3.1). */
export const AUTHORIZATION_ROUTE = '/oauth/authorize';

export function providerConfiguration(keys: KeyMaterial, registry: Pick<ResourceRegistry, 'scopeNames'>): Configuration {
  return {
    adapter: (name: string) => reportingOutages(new PrismaAdapter(name)),
    clients: [],
    findAccount,
    jwks: keys.jwks as Configuration['jwks'],
    // SameSite=Lax keeps the session cookie off cross-site subrequests (CSRF). The price:
    // oidc-provider offers POST at the authorization endpoint (OIDC Core §3.1.2.1) only
    // with SameSite=None cookies (`enableHttpPostMethods`), so Thalamus accepts GET only.
    cookies: {
      keys: keys.cookieKeys,
      names: { session: 'thalamus_session', interaction: 'thalamus_interaction', resume: 'thalamus_resume' },
      long: { httpOnly: true, sameSite: 'lax', signed: true },
      short: { httpOnly: true, sameSite: 'lax', signed: true },
    },
    routes: {
      authorization: AUTHORIZATION_ROUTE,
      token: '/oauth/token',
      userinfo: '/oauth/userinfo',
      jwks: '/oauth/jwks',
      introspection: '/oauth/introspect',
      revocation: '/oauth/revoke',
      end_session: '/oauth/logout',
      code_verification: '/oauth/device',
      device_authorization: '/oauth/device/auth',
      pushed_authorization_request: '/oauth/par',
      registration: '/oauth/register',
      backchannel_authentication: '/oauth/backchannel',
      challenge: '/oauth/challenge',
    },
    // Authorization code is the only interactive flow: implicit and hybrid responses
    // put tokens in the front channel, which OAuth 2.1 and RFC 9700 §2.1.2 retire.
    responseTypes: ['code'],
    pkce: { required: (_ctx, client) => clientRequiresPkce(client) },
    // private_key_jwt (RFC 7523 §2.2) with keys registered inline (client-security.ts).
    clientAuthMethods: CLIENT_AUTH_METHODS,
    clientBasedCORS: clientAllowsOrigin,
    clientDefaults: {
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'ES256',
    },
    // Only asymmetric algorithms: client secrets are stored as digests and never
    // serve as HMAC keys.
    enabledJWA: {
      idTokenSigningAlgValues: ['ES256', 'RS256'],
      userinfoSigningAlgValues: ['ES256', 'RS256'],
      introspectionSigningAlgValues: ['ES256', 'RS256'],
      authorizationSigningAlgValues: ['ES256', 'RS256'],
      requestObjectSigningAlgValues: ['ES256', 'RS256'],
      clientAuthSigningAlgValues: ['ES256', 'RS256'],
      dPoPSigningAlgValues: DPOP_SIGNING_ALGS,
    },
    // Every registry scope, OIDC and APIs' alike: a client's scopes list is checked against
    // this one list (invalid_scope for a scope the client is not granted).
    scopes: [...new Set([...BUILTIN_SCOPES.map((s) => s.name), ...registry.scopeNames])],
    claims: {
      // auth_time and amr (RFC 8176: pwd, otp, kba) go in every ID token, so applications
      // can enforce max_age themselves and tell a two-step sign-in from a password one.
      // `groups` is listed under openid too so that it reaches the ID token, which the provider
      // otherwise limits to the openid claims when userinfo serves the rest (OIDC Core §5.4);
      // findAccount returns it only when the `groups` scope was granted.
      openid: ['sub', 'auth_time', 'amr', 'groups'],
      profile: ['name', 'nickname', 'picture', 'updated_at'],
      email: ['email', 'email_verified'],
      // The names of the groups the user belongs to (lib/groups/user-groups.ts).
      groups: ['groups'],
    },
    // Thalamus's own client metadata: one schema names the properties and checks each value.
    extraClientMetadata: {
      properties: EXTRA_CLIENT_METADATA_KEYS,
      validator(_ctx, key, value) {
        const problem = extraClientMetadataProblem(key, value);
        if (problem) throw new errors.InvalidClientMetadata(problem);
      },
    },
    loadExistingGrant,
    // Refresh tokens for every client registered for the Refresh Token grant (with or
    // without offline_access), rotated on every use. Without offline_access the token is
    // bound to the user's session (the provider's default `expiresWithSession`): signing
    // out of Thalamus ends it, which is what a user who never granted offline access
    // expects (OIDC Core §11). A rotated token used again is a sign of theft: the
    // provider then revokes the whole grant (RFC 9700 §4.14.2). A client may switch
    // rotation off or allow a short reuse grace (client-security.ts).
    issueRefreshToken: (_ctx, client) => client.grantTypeAllowed('refresh_token'),
    rotateRefreshToken,
    features: {
      devInteractions: { enabled: false },
      // PAR (RFC 9126) and DPoP (RFC 9449) for all, required per client (client-security.ts).
      ...SECURITY_FEATURES,
      clientCredentials: { enabled: true },
      // A token is described only to its own client or a resource server it is meant
      // for; anyone else gets {active:false} (RFC 7662 §2.1, §4; introspection-policy.ts).
      introspection: { enabled: true, allowedPolicy: (_ctx, client, token) => mayIntrospect(client, token) },
      // A client revokes only its own tokens (RFC 7009 §2.1); another client's token is
      // left alone with the same 200 answer as an unknown one (§2.2), revealing nothing.
      revocation: { enabled: true, allowedPolicy: (_ctx, client, token) => token.clientId === client.clientId },
      userinfo: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
      // Device authorization grant (RFC 8628) for clients registered for it; the pages
      // are Thalamus's own (device-pages.ts), the user codes the provider's default.
      deviceFlow: { enabled: true, userCodeInputSource, userCodeConfirmSource, successSource },
      // API resources (lib/resources): `resource=` picks the API a token is for (RFC 8707);
      // a code, and the refresh tokens from it, keep the API it was issued for.
      resourceIndicators: {
        enabled: true,
        defaultResource: (ctx: KoaContextWithOIDC, client?: Client) => resourceFor(ctx, client) as string,
        useGrantedResource: () => true,
        getResourceServerInfo: resourceServerInfo,
      },
    },
    interactions: {
      url: (_ctx, interaction) => `/interaction/${interaction.uid}`,
      policy: interactionPolicyWithoutNativePrompt(),
    },
    ttl: perClientLifetimes(accessTokensLiveAsTheirApiSays(tokenLifetimes())),
    renderError: renderProviderError,
    // A client's jwks_uri, fetched behind the library's SSRF guard (outbound-fetch.ts).
    fetch: outboundFetch,
    discovery: {
      service_documentation: `${issuer()}/`,
      ...SECURITY_DISCOVERY,
      // Dynamic registration is served in front of the provider (app/oauth/register).
      ...registrationDiscovery(),
      // Back-channel logout is delivered by Thalamus (lib/backchannel-logout), not the provider.
      ...BACKCHANNEL_LOGOUT_DISCOVERY,
    },
  };
}

/**
 * A token for an API lives as long as the API says (resourceServerInfo's accessTokenTTL);
 * a token for userinfo only as long as ACCESS_TOKEN_TTL.
 */
function accessTokensLiveAsTheirApiSays(lifetimes: ReturnType<typeof tokenLifetimes>): NonNullable<Configuration['ttl']> {
  type Token = { resourceServer?: { accessTokenTTL?: number } };
  return {
    ...lifetimes,
    AccessToken: (_ctx, token) => (token as Token).resourceServer?.accessTokenTTL ?? lifetimes.AccessToken,
    ClientCredentials: (_ctx, token) => (token as Token).resourceServer?.accessTokenTTL ?? lifetimes.ClientCredentials,
  };
}

/**
 * The library's default policy asks every native client for consent at every
 * sign-in. Thalamus decides consent in loadExistingGrant instead: native clients an
 * administrator registered are asked once per scope and remembered (RFC 8252 §8.6),
 * and its own first-party apps (the default clients) are not asked at all.
 */
function interactionPolicyWithoutNativePrompt() {
  const policy = interactionPolicy.base();
  policy.get('consent')!.checks.remove('native_client_prompt');
  // After sign-in, before consent: a client's "Allowed groups" (lib/groups/group-access-prompt.ts).
  policy.add(groupAccessPrompt(), 1);
  // Not a native-prompt matter, but the same door: administrators' passkey rule (admin-passkey-check.ts).
  policy.get('login')!.checks.add(adminPasskeyCheck);
  return policy;
}
