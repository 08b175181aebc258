import { expect, test } from '@playwright/test';
import * as oidc from 'openid-client';
import { completeSignIn, discover } from '../../examples/relying-party';
import { createClient, createUser } from '../support/cli';
import { desktopSignIn } from '../support/desktop-agent';
import { baseURL } from '../support/test-env';
import { beginBrowserSignIn, expectCallback } from '../support/relying-party';
import { SignInPage } from '../support/sign-in-page';

const redirectUri = 'http://127.0.0.1:53682/callback';

test.describe('Sessions, refresh tokens and sign-out', () => {
  test('refresh tokens rotate, and reusing a rotated one revokes the whole chain (RFC 9700 §4.14.2)', async ({ page }) => {
    const user = createUser();
    const config = await discover(baseURL, 'thalamus-desktop-agent');
    const { start, callback } = await beginBrowserSignIn(page, config, redirectUri, 'openid profile offline_access');
    await new SignInPage(page).signIn(user);
    const tokens = await completeSignIn(config, await callback, start);

    const refreshed = await oidc.refreshTokenGrant(config, tokens.refresh_token!);
    expect(refreshed.refresh_token).toBeTruthy();
    expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    const claims = refreshed.claims()!;
    expect({ iss: claims.iss, sub: claims.sub, aud: claims.aud }).toEqual({ iss: baseURL, sub: user.id, aud: 'thalamus-desktop-agent' });
    expect(await oidc.fetchUserInfo(config, refreshed.access_token, user.id)).toMatchObject({ sub: user.id, name: 'Ada Lovelace' });

    await expect(oidc.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    await expect(oidc.refreshTokenGrant(config, refreshed.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    await expect(oidc.fetchUserInfo(config, refreshed.access_token, user.id)).rejects.toBeTruthy();
  });

  test('prompt=none answers login_required when nobody is signed in, and signs in silently afterwards', async ({ page }) => {
    const user = createUser();
    const config = await discover(baseURL, 'thalamus-desktop-agent');
    const silent = await beginBrowserSignIn(page, config, redirectUri, 'openid', { prompt: 'none' });
    const refused = await silent.callback;
    expect(refused.searchParams.get('error')).toBe('login_required');
    expect(refused.searchParams.get('state')).toBe(silent.start.state);

    const { start, callback } = await beginBrowserSignIn(page, config, redirectUri);
    await new SignInPage(page).signIn(user);
    await completeSignIn(config, await callback, start);
    const again = await beginBrowserSignIn(page, config, redirectUri, 'openid', { prompt: 'none' });
    expect((await completeSignIn(config, await again.callback, again.start)).claims()!.sub).toBe(user.id);
  });

  test('prompt=login and max_age=0 ask for the password again although a session exists (OIDC Core §3.1.2.1)', async ({ page }) => {
    const user = createUser();
    const { config, start, callback } = await desktopSignIn(page, user);
    const first = await completeSignIn(config, callback, start);

    const reauthentications: Record<string, string>[] = [{ prompt: 'login' }, { max_age: '0' }];
    for (const extra of reauthentications) {
      const again = await beginBrowserSignIn(page, config, redirectUri, 'openid', extra);
      await new SignInPage(page).signIn(user);
      const tokens = await completeSignIn(config, await again.callback, again.start);
      expect(tokens.claims()!.auth_time).toBeGreaterThanOrEqual(first.claims()!.auth_time!);
    }
  });

  test('RP-initiated sign-out asks for confirmation, ends the session and returns to the application', async ({ page }) => {
    const { config, start, callback } = await desktopSignIn(page);
    const tokens = await completeSignIn(config, callback, start);

    const signedOut = 'http://127.0.0.1:53682/signed-out';
    await page.goto(oidc.buildEndSessionUrl(config, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: signedOut, state: 'bye' }).href);
    await expect(page.getByRole('heading', { name: 'Sign out of Thalamus?' })).toBeVisible();
    const back = expectCallback(page, signedOut);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    expect((await back).searchParams.get('state')).toBe('bye');

    await beginBrowserSignIn(page, config, redirectUri);
    await new SignInPage(page).expectVisible();
  });

  test('signing out of the console asks once: the console’s button is the decision, the provider does not ask again', async ({ page }) => {
    test.slow(); // two sign-outs and a sign-in
    await page.goto('/console');
    await new SignInPage(page).signIn({ email: process.env.ADMIN_EMAIL!, password: process.env.ADMIN_PASSWORD! });
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();

    // A logout link for the console without its ID token (one any site could send) is still asked about.
    await page.goto(`/oauth/logout?client_id=thalamus-console&post_logout_redirect_uri=${encodeURIComponent(`${baseURL}/`)}`);
    await expect(page.getByRole('heading', { name: 'Sign out of Thalamus?' })).toBeVisible();
    await page.getByRole('button', { name: 'Stay signed in' }).click();
    await page.goto('/console');
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();

    const logoutPages: string[] = [];
    // Every page the logout endpoint shows, read as it passes (the page submits itself at once).
    await page.route(/\/oauth\/logout\?/, async (route) => {
      const response = await route.fetch();
      const body = await response.text();
      logoutPages.push(body);
      await route.fulfill({ response, body });
    });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${baseURL}/`);
    expect(logoutPages).toHaveLength(1);
    expect(logoutPages[0]).not.toContain('Sign out of Thalamus?');

    // Both sessions are over: the console's and the single sign-on one, so the password is asked for.
    await page.goto('/console');
    await new SignInPage(page).expectVisible();
  });

  test('text from clients and requests is shown, never run', async ({ page }) => {
    const redirect = 'https://xss.example.test/callback';
    const { client_secret, ...client } = createClient({
      name: '<img src=x onerror="window.__pwned=1">Evil',
      grant_types: ['authorization_code'],
      redirect_uris: [redirect],
      scopes: ['openid'],
    });
    const config = await discover(baseURL, client.client_id, client_secret);
    await beginBrowserSignIn(page, config, redirect, 'openid', { login_hint: '"><script>window.__pwned=2</script>' });
    await expect(page.getByText('to continue to <img src=x onerror="window.__pwned=1">Evil')).toBeVisible();
    await expect(page.getByLabel('Email')).toHaveValue('"><script>window.__pwned=2</script>');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});
