import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { issuer } from '@/lib/config/env';
import { CONSOLE_CLIENT_ID } from '@/lib/clients/default-clients';

/**
 * How a browser without a Thalamus session gets to the account page: the hosted sign-in,
 * as an authorization request of Thalamus's own console client (authorization code with
 * PKCE S256 and state, RFC 6749 §4.1, RFC 7636, RFC 9700 §2.1.1). Signing in there creates
 * the provider session the account page reads; the code is then redeemed server-side so
 * that none is left lying around unused (RFC 6749 §4.1.2: codes are single-use and
 * short-lived), and its tokens are not kept: the page never calls an API with them.
 */
export const ACCOUNT_CALLBACK_PATH = '/account/callback';
/** Holds state and the PKCE verifier between the redirect out and the callback. */
export const ACCOUNT_SIGN_IN_COOKIE = 'thalamus_account_sign_in';
export const ACCOUNT_SIGN_IN_TTL_SECONDS = 10 * 60;

export function accountCallbackUri(): string {
  return `${issuer()}${ACCOUNT_CALLBACK_PATH}`;
}

/**
 * What the hosted sign-in says it continues to: a sign-in for the account page is the
 * console client's by protocol, but the person is going to their account, not the console.
 */
export function signInDestination<C extends { name: string; logoUri: string | null }>(client: C, redirectUri: unknown): C {
  return redirectUri === accountCallbackUri() ? { ...client, name: 'your Thalamus account', logoUri: null } : client;
}

export interface AccountSignInStart {
  authorizeUrl: string;
  /** The cookie value: state and verifier, never shown to the provider in plain form. */
  cookie: string;
}

export function startAccountSignIn(): AccountSignInStart {
  const state = randomBytes(16).toString('base64url');
  const verifier = randomBytes(32).toString('base64url');
  const url = new URL(`${issuer()}/oauth/authorize`);
  url.search = new URLSearchParams({
    client_id: CONSOLE_CLIENT_ID,
    redirect_uri: accountCallbackUri(),
    response_type: 'code',
    scope: 'openid',
    state,
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  }).toString();
  return { authorizeUrl: url.href, cookie: `${state}.${verifier}` };
}

/**
 * The code and verifier to redeem, when the callback's state is the one this browser was
 * sent out with (CSRF protection, RFC 6749 §10.12) and its issuer this server's;
 * undefined otherwise, and for an error answer (the person cancelled).
 */
export function checkAccountCallback(query: URLSearchParams, cookie: string | undefined): { code: string; verifier: string } | undefined {
  const [expected, verifier] = (cookie ?? '').split('.');
  const state = query.get('state') ?? '';
  const code = query.get('code');
  if (!expected || !verifier || !code || query.has('error')) return undefined;
  // The answer names its issuer (RFC 9207): one from another server is a mix-up.
  if (query.has('iss') && query.get('iss') !== issuer()) return undefined;
  const a = Buffer.from(state);
  const b = Buffer.from(expected);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return undefined;
  return { code, verifier };
}

/** The token request for the code (RFC 6749 §4.1.3), authenticated as the console client. */
export function accountTokenRequest(grant: { code: string; verifier: string }, clientSecret: string): Request {
  const basic = Buffer.from(`${encodeURIComponent(CONSOLE_CLIENT_ID)}:${encodeURIComponent(clientSecret)}`).toString('base64');
  return new Request(`${issuer()}/oauth/token`, {
    method: 'POST',
    headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', code: grant.code, redirect_uri: accountCallbackUri(), code_verifier: grant.verifier }),
  });
}
