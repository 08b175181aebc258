import Provider, { errors, type Client, type Interaction, type KoaContextWithOIDC } from 'oidc-provider';

/**
 * The one module that depends on how oidc-provider works inside, beyond its documented
 * configuration: which of its methods it calls and when (and what may replace them),
 * where in the token endpoint one of its errors comes from, how it renders the errors it
 * catches, the shape of the consent prompt's details. Everything else in Thalamus uses
 * the public configuration only and reaches these details through the functions below.
 *
 * Each patch was read against the version below (node_modules/oidc-provider/lib). When
 * the installed minor version differs, provider-internals.test.ts fails: re-read the
 * library files named at each patch, then update CHECKED_AGAINST.
 */
export const CHECKED_AGAINST = '9.13.3';

/** A client secret as the provider hands it over, with what Thalamus needs to judge it. */
export interface PresentedSecret {
  client: Client;
  secret: string;
  /** The client's registered token_endpoint_auth_method. */
  registeredMethod: string | undefined;
  /** How the secret came. */
  sentWith: 'client_secret_basic' | 'client_secret_post';
  /** The caller's address. */
  address: string;
  /** Sets a header of the response; it is kept when the check throws. */
  setHeader: (name: string, value: string) => void;
}

export interface ProviderPatches {
  /** Whether a client's ID tokens (and device codes) carry the session's `sid`. */
  includeSid?: (client: Client) => boolean;
  /** Replaces the library's plaintext comparison of client secrets; true when the secret is right. */
  checkClientSecret: (presented: PresentedSecret) => Promise<boolean>;
  /** Wraps the provider's client lookup (a cache, for instance). */
  wrapClientFind: (find: FindClient) => FindClient;
}

export type FindClient = (id: string) => Promise<Client | undefined>;

/**
 * Installs every patch on a newly built provider. `Client.find` (lib/models/client.js) is
 * what every endpoint calls to turn a client_id into a client, reading the adapter and,
 * past its own 100-entry cache, validating the metadata again; the instances it returns
 * belong to the provider that built them.
 */
export function patchProvider(provider: Provider, patches: ProviderPatches): void {
  checkClientSecretsWith(provider, patches.checkClientSecret);
  if (patches.includeSid) includeSidWhen(provider, patches.includeSid);
  provider.Client.find = patches.wrapClientFind(provider.Client.find.bind(provider.Client));
  answerUnauthorizedClient(provider);
}

/**
 * `client.includeSid()` (lib/models/client.js) decides whether an ID token carries `sid`
 * (lib/helpers/process_response_types.js, lib/actions/authorization/device.js). The
 * library answers from its own backchannelLogout feature, which Thalamus leaves off
 * because it delivers logout tokens itself (lib/backchannel-logout); the answer comes
 * from Thalamus's client metadata instead.
 */
function includeSidWhen(provider: Provider, includeSid: NonNullable<ProviderPatches['includeSid']>): void {
  (provider.Client.prototype as unknown as { includeSid: () => boolean }).includeSid = function (this: Client) {
    return includeSid(this);
  };
}

/**
 * lib/shared/client_auth.js calls `client.compareClientSecret(secret)` for
 * client_secret_basic and client_secret_post, once the client is found and its
 * registered method is known to be one of the two, and only then. It has already
 * refused a request that sends a secret both ways, so a present Authorization header
 * means the secret came in it. Headers set on the response survive into the error
 * response (lib/shared/error_handler.js only sets its own).
 */
function checkClientSecretsWith(provider: Provider, check: ProviderPatches['checkClientSecret']): void {
  provider.Client.prototype.compareClientSecret = async function compareClientSecret(this: Client, secret: string) {
    const ctx = Provider.ctx;
    if (!ctx) throw new Error('client authentication outside a provider request');
    return check({
      client: this,
      secret,
      registeredMethod: this.clientAuthMethod,
      sentWith: ctx.headers.authorization === undefined ? 'client_secret_post' : 'client_secret_basic',
      // The bridge puts the caller's address on the request's socket (handle-request.ts).
      address: ctx.req.socket.remoteAddress ?? 'unknown',
      setHeader: (name, value) => ctx.set(name, value),
    });
  };
}

/**
 * RFC 6749 §5.2: a client that uses a grant type it is not registered for gets
 * `unauthorized_client` ("The authenticated client is not authorized to use this
 * authorization grant type"). oidc-provider answers `invalid_request` instead
 * (allowedGrantTypeCheck in lib/actions/token.js, right after client authentication and
 * the check that the grant type is supported); the code is corrected on the way out.
 * The case is recognised by the same test the library makes, not by its description,
 * which stays as it is: only the machine-readable code changes, both are 400. The only
 * other `invalid_request` possible once the client is known is client attestation's
 * (lib/shared/client_auth.js), a feature Thalamus does not enable. The device
 * authorization endpoint makes the same check the same way (checkClientGrantType in
 * lib/actions/authorization/client.js; RFC 8628 §3.2 answers with RFC 6749 §5.2 codes).
 */
const DEVICE_CODE_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:device_code';

function answerUnauthorizedClient(provider: Provider): void {
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { error?: unknown } | undefined;
    if (body?.error !== 'invalid_request') return;
    const route = ctx.oidc?.route;
    if (route !== 'token' && route !== 'device_authorization') return;
    const grantType = route === 'token' ? ctx.oidc.params?.grant_type : DEVICE_CODE_GRANT_TYPE;
    const client = ctx.oidc.client;
    if (client && typeof grantType === 'string' && !client.grantTypeAllowed(grantType)) body.error = 'unauthorized_client';
  });
}

/**
 * How the provider answers an error it catches (lib/shared/error_handler.js,
 * authorization_error_handler.js, lib/helpers/err_out.js): with the error's
 * `statusCode`, with `error_description` only when `expose`, and at the client's
 * redirect URI unless `allow_redirect` is false.
 */
export function answeredAs<E extends errors.OIDCProviderError>(error: E, how: { status?: number; showDescription?: boolean; redirect?: boolean }): E {
  if (how.status !== undefined) Object.assign(error, { status: how.status, statusCode: how.status });
  if (how.showDescription !== undefined) error.expose = how.showDescription;
  if (how.redirect !== undefined) error.allow_redirect = how.redirect;
  return error;
}

/**
 * What the consent prompt asks for (lib/helpers/interaction_policy/prompts/consent.js
 * fills `prompt.details`; the typings leave it unknown).
 */
interface MissingConsent {
  missingOIDCScope?: string[];
  missingOIDCClaims?: string[];
  missingResourceScopes?: Record<string, string[]>;
}

/** The OIDC scopes the consent prompt of `details` asks the user for. */
export function missingConsentScopes(details: Interaction): string[] {
  return (details.prompt.details as MissingConsent).missingOIDCScope ?? [];
}

/**
 * Adds what the consent prompt of `details` asks for to the interaction's grant (a new
 * one if it has none) and saves it. Returns the grant's id and the OIDC scopes granted,
 * or undefined when the interaction's grant no longer exists.
 */
export async function grantMissingConsent(provider: Provider, details: Interaction, accountId: string): Promise<{ grantId: string; oidcScopes: string[] } | undefined> {
  const clientId = String(details.params.client_id);
  const grant = details.grantId ? await provider.Grant.find(details.grantId) : await newGrant(provider, accountId, clientId);
  if (!grant) return undefined;
  const missing = details.prompt.details as MissingConsent;
  if (missing.missingOIDCScope?.length) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
  if (missing.missingOIDCClaims?.length) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) grant.addResourceScope(indicator, scopes.join(' '));
  return { grantId: await grant.save(), oidcScopes: missing.missingOIDCScope ?? [] };
}

/** A new grant with its client attached, so that the client's lifetimes (ttl.Grant) apply outside a request too. */
async function newGrant(provider: Provider, accountId: string, clientId: string) {
  const grant = new provider.Grant({ accountId, clientId });
  const client = await provider.Client.find(clientId);
  if (client) grant.client = client;
  return grant;
}

/**
 * The subject of the logout request's id_token_hint, for the logoutSource page. The end
 * session action (lib/actions/end_session.js, `endSessionChecks`) stores the decoded hint
 * as the `IdTokenHint` entity and then validates it (signature, audience = the client),
 * throwing when it is not valid; logoutSource runs only after that, so a hint seen here
 * is one the provider accepted. Undefined without a hint.
 */
export function validatedLogoutHintSubject(ctx: KoaContextWithOIDC): string | undefined {
  const hint = ctx.oidc.entities.IdTokenHint as { payload?: { sub?: unknown } } | undefined;
  return typeof hint?.payload?.sub === 'string' ? hint.payload.sub : undefined;
}
