import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { bootstrap } from '@/lib/setup/bootstrap';
import { issuer } from '@/lib/config/env';
import { ACCOUNT_CALLBACK_PATH, checkAccountCallback, startAccountSignIn } from './account-sign-in';

afterAll(closeDb);

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
    expect(checkAccountCallback(new URLSearchParams({ code: 'c1', state: state!, iss: issuer() }), cookie)).toEqual({ code: 'c1', verifier });
    expect(checkAccountCallback(new URLSearchParams({ code: 'c1', state: state!, iss: 'https://elsewhere.example' }), cookie)).toBeUndefined();
    expect(checkAccountCallback(new URLSearchParams({ code: 'c1', state: 'forged' }), cookie)).toBeUndefined();
    expect(checkAccountCallback(new URLSearchParams({ code: 'c1', state: state! }), undefined)).toBeUndefined();
    expect(checkAccountCallback(new URLSearchParams({ state: state! }), cookie)).toBeUndefined();
    expect(checkAccountCallback(new URLSearchParams({ error: 'access_denied', code: 'c1', state: state! }), cookie)).toBeUndefined();
  });
});

describe('the account callback on existing installations', () => {
  it('is added to the console client by setup, next to the console sign-in', async () => {
    const db = await getDb();
    const consoleOnly = JSON.stringify([`${issuer()}/api/auth/callback/thalamus`]);
    await db.oAuthClient.update({ where: { clientId: 'thalamus-console' }, data: { redirectUris: consoleOnly } });
    expect((await bootstrap(db)).created).toContain('console redirect URIs for the current APP_URL');
    const row = await db.oAuthClient.findUniqueOrThrow({ where: { clientId: 'thalamus-console' } });
    expect(JSON.parse(row.redirectUris)).toEqual([`${issuer()}/api/auth/callback/thalamus`, `${issuer()}${ACCOUNT_CALLBACK_PATH}`]);
  });
});
