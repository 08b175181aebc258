import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { issuer } from '@/lib/config/env';
import { ACCOUNT_CALLBACK_PATH, checkAccountCallback, startAccountSignIn } from './account-sign-in';

describe('the account page sign-in', () => {
  it("is an authorization request of the console client with state and a PKCE S256 challenge of the cookie's verifier", () => {
    const { authorizeUrl, cookie } = startAccountSignIn();
    const url = new URL(authorizeUrl);
    const [state, verifier] = cookie.split('.');
    expect(url.origin + url.pathname).toBe(`${issuer()}/oauth/authorize`);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'thalamus-console',
      redirect_uri: `${issuer()}${ACCOUNT_CALLBACK_PATH}`,
      response_type: 'code',
      scope: 'openid',
      state,
      code_challenge: createHash('sha256').update(verifier!).digest('base64url'),
      code_challenge_method: 'S256',
    });
    expect(startAccountSignIn().cookie).not.toBe(cookie);
  });

  it("accepts a callback only with this browser's state and a code, and not an error answer", () => {
    const { cookie } = startAccountSignIn();
    const [state, verifier] = cookie.split('.');
    expect(checkAccountCallback(new URLSearchParams({ code: 'c1', state: state! }), cookie)).toEqual({ code: 'c1', verifier });
    expect(checkAccountCallback(new URLSearchParams({ code: 'c1', state: 'forged' }), cookie)).toBeUndefined();
    expect(checkAccountCallback(new URLSearchParams({ code: 'c1', state: state! }), undefined)).toBeUndefined();
    expect(checkAccountCallback(new URLSearchParams({ state: state! }), cookie)).toBeUndefined();
    expect(checkAccountCallback(new URLSearchParams({ error: 'access_denied', code: 'c1', state: state! }), cookie)).toBeUndefined();
  });
});
