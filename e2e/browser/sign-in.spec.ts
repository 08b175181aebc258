import { expect, test } from '@playwright/test';
import * as oidc from 'openid-client';
import { discover, completeSignIn } from '../../examples/relying-party';
import { createClient, createUser } from '../support/cli';
import { baseURL } from '../support/test-env';
import { beginBrowserSignIn, signInUpToConsent } from '../support/relying-party';
import { SignInPage } from '../support/sign-in-page';

// "Log in with Thalamus": an application sends the user to the hosted sign-in page,
// gets a code back and exchanges it for tokens with openid-client.

const desktopRedirect = 'http://127.0.0.1:53682/callback';

test.describe('Signing in with the authorization code flow', () => {
  test('a public native client signs a user in with PKCE and reads userinfo', async ({ page }) => {
    const user = createUser({ name: 'Grace Hopper' });
    const config = await discover(baseURL, 'thalamus-desktop-agent');

    const { start, callback } = await beginBrowserSignIn(page, config, desktopRedirect, 'openid profile email offline_access');
    await new SignInPage(page).signIn(user);
    const tokens = await completeSignIn(config, await callback, start);

    const claims = tokens.claims()!;
    expect(claims.iss).toBe(baseURL);
    expect(claims.aud).toBe('thalamus-desktop-agent');
    expect(claims.sub).toBe(user.id);
    expect(claims.amr).toEqual(['pwd']);
    const info = await oidc.fetchUserInfo(config, tokens.access_token, user.id);
    expect(info).toMatchObject({ sub: user.id, email: user.email, email_verified: true, name: 'Grace Hopper', nickname: 'ada' });
    expect(tokens.refresh_token).toBeTruthy();
  });

  test('a wrong password and an unknown account get the same answer', async ({ page }) => {
    const user = createUser();
    const config = await discover(baseURL, 'thalamus-desktop-agent');
    await beginBrowserSignIn(page, config, desktopRedirect);
    const signIn = new SignInPage(page);

    await signIn.signIn({ email: user.email, password: 'not-the-password' });
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Incorrect email or password.');
    await signIn.signIn({ email: 'nobody-here@example.test', password: 'not-the-password' });
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Incorrect email or password.');
    await expect(page.getByLabel('Email')).toHaveValue('nobody-here@example.test');
  });

  test('a confidential client that requires consent: Allow issues tokens, and single sign-on skips the second sign-in', async ({ page }) => {
    const user = createUser();
    const redirectUri = 'https://rp.example.test/callback';
    const { client_secret, ...client } = createClient({
      name: 'Expense Reports',
      grant_types: ['authorization_code', 'refresh_token'],
      redirect_uris: [redirectUri],
      scopes: ['openid', 'profile', 'email'],
      require_consent: true,
    });
    const config = await discover(baseURL, client.client_id, client_secret);

    const { start, callback } = await beginBrowserSignIn(page, config, redirectUri, 'openid profile email');
    await expect(page.getByText('to continue to Expense Reports')).toBeVisible();
    await new SignInPage(page).signIn(user);
    await expect(page.getByRole('heading', { name: 'Allow access?' })).toBeVisible();
    const permissions = page.getByRole('list', { name: 'Requested permissions' });
    await expect(permissions).toContainText('See your name, nickname and picture');
    await expect(permissions).toContainText('See your email address');
    await page.getByRole('button', { name: 'Allow' }).click();
    const tokens = await completeSignIn(config, await callback, start);
    expect(tokens.claims()!.sub).toBe(user.id);

    // Single sign-on: the same browser, another application, no sign-in page.
    const desktop = await discover(baseURL, 'thalamus-desktop-agent');
    const second = await beginBrowserSignIn(page, desktop, desktopRedirect);
    const again = await completeSignIn(desktop, await second.callback, second.start);
    expect(again.claims()!.sub).toBe(user.id);

    // The consent is remembered: signing in to the first application again asks nothing.
    const third = await beginBrowserSignIn(page, config, redirectUri, 'openid profile email');
    await completeSignIn(config, await third.callback, third.start);
  });

  test('Deny on the consent page returns access_denied to the client', async ({ page }) => {
    const { callback: denied } = await signInUpToConsent(page, 'Curious App', 'https://deny.example.test/callback');
    await page.getByRole('button', { name: 'Deny' }).click();
    const callback = await denied;
    expect(callback.searchParams.get('error')).toBe('access_denied');
    expect(callback.searchParams.get('iss')).toBe(baseURL); // RFC 9207
  });

  test('prompt=consent lists every requested scope again, for a client the user consented to and for one that skips consent', async ({ page }) => {
    const user = createUser();
    const redirectUri = 'https://reconsent.example.test/callback';
    const register = (name: string, requireConsent: boolean) =>
      createClient({ name, grant_types: ['authorization_code'], redirect_uris: [redirectUri], scopes: ['openid', 'profile', 'email'], require_consent: requireConsent });
    const consented = register('Travel Desk', true);
    const config = await discover(baseURL, consented.client_id, consented.client_secret);
    const first = await beginBrowserSignIn(page, config, redirectUri, 'openid profile email');
    await new SignInPage(page).signIn(user);
    await page.getByRole('button', { name: 'Allow' }).click();
    await completeSignIn(config, await first.callback, first.start);

    const trusted = register('Team Wiki', false);
    for (const [created, name] of [
      [consented, 'Travel Desk'],
      [trusted, 'Team Wiki'],
    ] as const) {
      const client = await discover(baseURL, created.client_id, created.client_secret);
      const again = await beginBrowserSignIn(page, client, redirectUri, 'openid profile email', { prompt: 'consent' });
      await expect(page.getByRole('heading', { name: 'Allow access?' })).toBeVisible();
      await expect(page.getByText(`${name} would like to:`)).toBeVisible();
      const permissions = page.getByRole('list', { name: 'Requested permissions' }).getByRole('listitem');
      await expect(permissions).toHaveText([/See your name, nickname and picture \(profile\)/, /See your email address \(email\)/]);
      await page.getByRole('button', { name: 'Allow' }).click();
      expect((await completeSignIn(client, await again.callback, again.start)).claims()!.sub).toBe(user.id);
    }
  });
});

test.describe('Signing in without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the hosted form works as a plain HTML form: a wrong password shows the message, the right one continues to the application', async ({ page }) => {
    const user = createUser();
    const config = await discover(baseURL, 'thalamus-desktop-agent');
    const { start, callback } = await beginBrowserSignIn(page, config, desktopRedirect);
    const signIn = new SignInPage(page);

    await signIn.signIn({ email: user.email, password: 'not-the-password' });
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Incorrect email or password.');
    await signIn.signIn(user);
    const tokens = await completeSignIn(config, await callback, start);
    expect(tokens.claims()!.sub).toBe(user.id);
  });
});
