import type { APIRequestContext, APIResponse } from '@playwright/test';
import { createHash, randomBytes } from 'node:crypto';
import { MOBILE_APP, type Browser } from './http-sign-in';
import { createClient } from './cli';
import { requestToken } from './token-request';

/**
 * A directory connector (Entra ID provisioning, Okta, an AD agent) as Thalamus sees it: a
 * Sync Connector Client that takes a client credentials token and speaks SCIM 2.0 to
 * /scim/v2 (RFC 7644) with it.
 */
export class ScimConnector {
  constructor(
    private readonly request: APIRequestContext,
    readonly token: string,
    readonly clientId = '',
  ) {}

  private headers(extra: Record<string, string> = {}) {
    return { Authorization: `Bearer ${this.token}`, Accept: 'application/scim+json', ...extra };
  }

  get(path: string): Promise<APIResponse> {
    return this.request.get(`/scim/v2${path}`, { headers: this.headers() });
  }

  delete(path: string): Promise<APIResponse> {
    return this.request.delete(`/scim/v2${path}`, { headers: this.headers() });
  }

  send(method: 'POST' | 'PUT' | 'PATCH', path: string, body: unknown): Promise<APIResponse> {
    return this.request.fetch(`/scim/v2${path}`, {
      method,
      headers: this.headers({ 'Content-Type': 'application/scim+json' }),
      data: typeof body === 'string' ? body : JSON.stringify(body),
    });
  }

  /** A PATCH request body (RFC 7644 §3.5.2). */
  patch(path: string, Operations: Record<string, unknown>[]): Promise<APIResponse> {
    return this.send('PATCH', path, { schemas: ['urn:ietf:params:scim:api:messages:2.0:PatchOp'], Operations });
  }
}

/** Registers a Sync Connector Client (`npx thalamus clients create`) and takes its token with the scopes asked for. */
export async function syncConnector(
  request: APIRequestContext,
  scope = 'directory:read directory:write',
  name = `Entra ID connector ${randomBytes(3).toString('hex')}`,
): Promise<ScimConnector> {
  const client = createClient({ name, client_type: 'sync_connector' });
  return new ScimConnector(request, await clientToken(request, { id: client.client_id, secret: client.client_secret! }, scope), client.client_id);
}

export async function clientToken(request: APIRequestContext, client: { id: string; secret: string }, scope: string): Promise<string> {
  const response = await requestToken(request, client, { grant_type: 'client_credentials', scope });
  if (response.status() !== 200) throw new Error(`token refused: ${response.status()} ${await response.text()}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

export const USER_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:User';
export const GROUP_SCHEMA = 'urn:ietf:params:scim:schemas:core:2.0:Group';
export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error';

/** A User as Entra ID sends it on provisioning. */
export function entraUser(email: string, extra: Record<string, unknown> = {}) {
  const [given, family] = ['Grace', 'Hopper'];
  return {
    schemas: [USER_SCHEMA, 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User'],
    externalId: `entra-${randomBytes(4).toString('hex')}`,
    userName: email,
    active: true,
    displayName: `${given} ${family}`,
    name: { givenName: given, familyName: family, formatted: `${given} ${family}` },
    emails: [{ primary: true, type: 'work', value: email }],
    title: 'Rear Admiral',
    'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User': { department: 'Navy' },
    ...extra,
  };
}

/** The SCIM error body (RFC 7644 §3.12). */
export async function scimError(response: APIResponse) {
  return (await response.json()) as { schemas: string[]; status: string; scimType?: string; detail: string };
}

/**
 * Asks for a code with `prompt=none` (OIDC Core §3.1.2.1) in a browser that signed in
 * before: the answer says whether its Thalamus session still stands (a code) or not
 * (`login_required`).
 */
export async function silentSignIn(base: string, browser: Browser): Promise<{ code?: string; error?: string }> {
  const authorize = new URL(`${base}/oauth/authorize`);
  const params = {
    client_id: MOBILE_APP.clientId,
    redirect_uri: MOBILE_APP.redirectUri,
    response_type: 'code',
    scope: 'openid',
    prompt: 'none',
    code_challenge: createHash('sha256').update(randomBytes(32).toString('base64url')).digest('base64url'),
    code_challenge_method: 'S256',
  };
  for (const [name, value] of Object.entries(params)) authorize.searchParams.set(name, value);
  let location = authorize.href;
  for (let hop = 0; hop < 6 && !location.startsWith(MOBILE_APP.redirectUri); hop++) {
    const response = await browser.fetch(new URL(location, base).href);
    if (response.status < 300 || response.status >= 400) throw new Error(`authorize: HTTP ${response.status}`);
    location = response.headers.get('location')!;
  }
  const callback = new URL(location);
  return { code: callback.searchParams.get('code') ?? undefined, error: callback.searchParams.get('error') ?? undefined };
}

/** An application that asks for the `groups` scope: a public browser client with PKCE. */
export function groupsApp(name = `Team wiki ${randomBytes(3).toString('hex')}`, extra: Record<string, unknown> = {}) {
  const redirectUri = 'https://wiki.example.test/callback';
  const client = createClient({
    name,
    application_type: 'web',
    token_endpoint_auth_method: 'none',
    grant_types: ['authorization_code', 'refresh_token'],
    redirect_uris: [redirectUri],
    scopes: ['openid', 'profile', 'groups'],
    ...extra,
  });
  return { clientId: client.client_id, redirectUri };
}

/** PKCE S256 parameters (RFC 7636 §4.2) for an authorization request with the given scope. */
export function pkceRequest(scope: string) {
  const verifier = randomBytes(32).toString('base64url');
  return {
    verifier,
    params: {
      response_type: 'code',
      scope,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      state: randomBytes(8).toString('hex'),
    },
  };
}

/** Redeems a code of a public client (RFC 6749 §4.1.3) and returns the tokens. */
export async function redeemPublic(base: string, client: { clientId: string; redirectUri: string }, code: string, verifier: string) {
  const response = await fetch(`${base}/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: client.redirectUri, code_verifier: verifier, client_id: client.clientId }),
  });
  if (response.status !== 200) throw new Error(`code exchange: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id_token: string; access_token: string; refresh_token?: string };
}

/** The claims of a JWT, unverified: the test reads what the server put in. */
export const jwtClaims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
