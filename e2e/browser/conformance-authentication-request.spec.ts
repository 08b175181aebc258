import { expect, test, type Page } from '@playwright/test';
import * as oidc from 'openid-client';
import { beginSignIn, completeSignIn, discover } from '../../examples/relying-party';
import { createUser, type TestUser } from '../support/cli';
import { baseURL } from '../support/test-env';
import { beginBrowserSignIn, expectCallback } from '../support/relying-party';
import { SignInPage } from '../support/sign-in-page';

// Conformance: OpenID Connect authentication requests (OIDC Core §3.1.2) and the
// authorization response (RFC 6749 §4.1.2, RFC 9207), through the hosted sign-in page.

const redirectUri = 'http://127.0.0.1:53682/callback';
const clientId = 'thalamus-desktop-agent';

async function signIn(page: Page, user: TestUser, extra: Record<string, string> = {}) {
  const config = await discover(baseURL, clientId);
  const { start, callback } = await beginBrowserSignIn(page, config, redirectUri, 'openid', extra);
  await new SignInPage(page).signIn(user);
  return { config, tokens: await completeSignIn(config, await callback, start) };
}

test.describe('Conformance: authentication requests', () => {
  test('response_type=code works without a nonce, and the ID token then carries none (OIDC Core §3.1.2.1)', async ({ page }) => {
    const config = await discover(baseURL, clientId);
    const start = await beginSignIn(config, redirectUri, 'openid');
    start.url.searchParams.delete('nonce');
    const callback = expectCallback(page, redirectUri);
    await page.goto(start.url.href);
    await new SignInPage(page).signIn(createUser());
    const tokens = await oidc.authorizationCodeGrant(config, await callback, { pkceCodeVerifier: start.codeVerifier, expectedState: start.state, idTokenExpected: true });
    expect(tokens.claims()).not.toHaveProperty('nonce');
  });

  test('a nonce that is sent comes back unchanged in the ID token (OIDC Core §3.1.3.7)', async ({ page }) => {
    const nonce = `n-${'x'.repeat(100)}-~._`;
    const config = await discover(baseURL, clientId);
    const { start, callback } = await beginBrowserSignIn(page, config, redirectUri, 'openid', { nonce });
    await new SignInPage(page).signIn(createUser());
    // completeSignIn checks the nonce (openid-client rejects a missing or different one).
    const tokens = await completeSignIn(config, await callback, { ...start, nonce });
    expect(tokens.claims()!.nonce).toBe(nonce);
  });

  test('a successful response carries the code, iss (RFC 9207) and a 2 KB state exactly as sent', async ({ page }) => {
    const state = `${'Az09-._~ +/=&%?#é'.repeat(130)}`.slice(0, 2048);
    const config = await discover(baseURL, clientId);
    const { start, callback } = await beginBrowserSignIn(page, config, redirectUri, 'openid', { state });
    await new SignInPage(page).signIn(createUser());
    const url = await callback;
    expect(url.searchParams.get('code')).toBeTruthy();
    expect(url.searchParams.get('iss')).toBe(baseURL);
    expect(url.searchParams.get('state')).toBe(state);
    await completeSignIn(config, url, { ...start, state });
  });

  test('login_hint prefills the Email field, and unknown parameters are ignored', async ({ page }) => {
    const user = createUser();
    const config = await discover(baseURL, clientId);
    const { start, callback } = await beginBrowserSignIn(page, config, redirectUri, 'openid', { login_hint: user.email, utm_campaign: 'spring', x_unknown: '1' });
    await expect(page.getByLabel('Email')).toHaveValue(user.email);
    await page.getByLabel('Password').fill(user.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    expect((await completeSignIn(config, await callback, start)).claims()!.sub).toBe(user.id);
  });

  test('max_age that the session satisfies signs in silently and keeps auth_time (OIDC Core §3.1.2.1)', async ({ page }) => {
    const { config, tokens } = await signIn(page, createUser());
    const again = await beginBrowserSignIn(page, config, redirectUri, 'openid', { max_age: '3600' });
    const claims = (await completeSignIn(config, await again.callback, again.start)).claims()!;
    expect(claims.auth_time).toBe(tokens.claims()!.auth_time);
  });

  test('prompt=none with id_token_hint: the hinted user signed in gets a code, another user login_required (OIDC Core §3.1.2.2)', async ({ page, browser }) => {
    const alice = createUser({ name: 'Alice' });
    const { config, tokens } = await signIn(page, alice);

    const elsewhere = await browser.newContext();
    const bob = await signIn(await elsewhere.newPage(), createUser({ name: 'Bob' }));
    await elsewhere.close();

    const same = await beginBrowserSignIn(page, config, redirectUri, 'openid', { prompt: 'none', id_token_hint: tokens.id_token! });
    expect((await completeSignIn(config, await same.callback, same.start)).claims()!.sub).toBe(alice.id);

    const other = await beginBrowserSignIn(page, config, redirectUri, 'openid', { prompt: 'none', id_token_hint: bob.tokens.id_token! });
    const refused = await other.callback;
    expect(refused.searchParams.get('error')).toBe('login_required');
    expect(refused.searchParams.get('iss')).toBe(baseURL);
    expect(refused.searchParams.get('code')).toBeNull();
  });

  test('id_token_hint for another user without prompt=none asks to sign in again', async ({ page, browser }) => {
    const { config } = await signIn(page, createUser());
    const elsewhere = await browser.newContext();
    const bob = await signIn(await elsewhere.newPage(), createUser({ name: 'Bob' }));
    await elsewhere.close();

    await beginBrowserSignIn(page, config, redirectUri, 'openid', { id_token_hint: bob.tokens.id_token! });
    await new SignInPage(page).expectVisible();
  });

  test('an id_token_hint that is not a valid ID token is an error, not a sign-in', async ({ page }) => {
    const { config } = await signIn(page, createUser());
    const forged = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(`{"iss":"${baseURL}","sub":"x","aud":"${clientId}"}`).toString('base64url')}.`;
    const attempt = await beginBrowserSignIn(page, config, redirectUri, 'openid', { prompt: 'none', id_token_hint: forged });
    const refused = await attempt.callback;
    expect(refused.searchParams.get('error')).toBe('invalid_request');
    expect(refused.searchParams.get('code')).toBeNull();
  });
});
