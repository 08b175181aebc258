import { expect, test, type APIRequestContext } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import { discover } from '../../examples/relying-party';
import { createUser } from '../support/cli';
import { ClientsPage } from '../support/console';
import { expectCallback } from '../support/relying-party';
import { SignInPage } from '../support/sign-in-page';
import { basicAuth, baseURL } from '../support/test-env';

// The Custom Client form's "Require PKCE": on by default, switchable for a confidential
// server-side app whose library cannot send code_challenge, fixed on for public clients
// (RFC 9700 §2.1.1). The provider side is in e2e/api/conformance-redirect-uri.spec.ts.

/** Where the authorization endpoint sends a request without code_challenge (RFC 6749 §4.1.1). */
async function authorizeWithoutPkce(request: APIRequestContext, clientId: string, redirectUri: string): Promise<URL> {
  const query = new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: redirectUri, scope: 'openid', state: 'x' });
  const response = await request.get(`/oauth/authorize?${query}`, { maxRedirects: 0 });
  expect(response.status()).toBe(303);
  return new URL(response.headers().location!, baseURL);
}

test('a confidential client created with Require PKCE off signs users in without code_challenge; switched on again, it is refused', async ({ page, browser, request }) => {
  const name = `Legacy Portal ${randomBytes(3).toString('hex')}`;
  const redirectUri = 'https://legacy-portal.example.test/callback';
  const clients = new ClientsPage(page);
  await clients.open();
  await clients.startCustomClient();
  await clients.dialog.getByLabel('Client Name').fill(name);
  await clients.addTo('Redirect URIs', redirectUri);
  await clients.addTo('Scopes', 'openid');
  const requirePkce = clients.dialog.getByRole('switch', { name: 'Require PKCE' });
  await expect(requirePkce).toBeChecked();
  await expect(requirePkce).toBeEnabled();
  await requirePkce.click();
  await expect(requirePkce).not.toBeChecked();
  await clients.dialog.getByRole('button', { name: 'Create Client' }).click();
  const clientId = (await clients.dialog.getByLabel('Client ID', { exact: true }).textContent())!;
  const secret = (await clients.dialog.getByLabel('Client Secret', { exact: true }).textContent())!;
  await clients.finishSecretDialog();

  await clients.search.fill(name);
  await expect(page).toHaveURL(/q=Legacy/);
  await clients.row(name).click();
  await expect(clients.detail('Require PKCE')).toHaveText('No');

  // A user signs in through the client, in a browser of their own (not the admin's session).
  const userContext = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const userPage = await userContext.newPage();
  const config = await discover(baseURL, clientId, secret);
  const url = oidc.buildAuthorizationUrl(config, { redirect_uri: redirectUri, scope: 'openid', state: oidc.randomState() });
  expect(url.searchParams.has('code_challenge')).toBe(false);
  const callback = expectCallback(userPage, redirectUri);
  await userPage.goto(url.href);
  await new SignInPage(userPage).signIn(createUser());
  const code = (await callback).searchParams.get('code');
  expect(code).toBeTruthy();
  await userContext.close();
  // The secret alone protects the exchange: no code_verifier.
  const token = await request.post('/oauth/token', {
    headers: { Authorization: basicAuth(clientId, secret) },
    form: { grant_type: 'authorization_code', code: code!, redirect_uri: redirectUri },
  });
  expect(token.status()).toBe(200);
  expect(await token.json()).toMatchObject({ token_type: 'Bearer', id_token: expect.any(String) });

  // Edit Client shows the setting and changes it back.
  await clients.details.getByRole('button', { name: 'Edit Client' }).click();
  await expect(requirePkce).not.toBeChecked();
  await requirePkce.click();
  await clients.dialog.getByRole('button', { name: 'Save changes' }).click();
  await expect(clients.dialog).toHaveCount(0);
  await expect(clients.detail('Require PKCE')).toHaveText('Yes');
  const refused = await authorizeWithoutPkce(request, clientId, redirectUri);
  expect(refused.origin + refused.pathname).toBe(redirectUri);
  expect(refused.searchParams.get('error')).toBe('invalid_request');
  expect(refused.searchParams.get('error_description')).toMatch(/PKCE/);
});

test('a public client always requires PKCE: the switch is on and disabled, and says why', async ({ page }) => {
  const clients = new ClientsPage(page);
  await clients.open();
  await clients.startCustomClient();
  const requirePkce = clients.dialog.getByRole('switch', { name: 'Require PKCE' });
  await requirePkce.click();
  await expect(requirePkce).not.toBeChecked();
  // Choosing Public turns it back on for good.
  await clients.dialog.getByRole('radio', { name: 'Public (no secret, PKCE)' }).check();
  await expect(requirePkce).toBeChecked();
  await expect(requirePkce).toBeDisabled();
  await expect(requirePkce).toHaveAccessibleDescription(/public client: it has no secret, so PKCE is what binds the code to the app that asked for it/);
  await clients.dialog.getByRole('button', { name: 'Close' }).click();

  // The same for a public client that exists: the Thalamus Mobile App.
  await clients.search.fill('Thalamus Mobile App');
  await expect(page).toHaveURL(/q=Thalamus/);
  await clients.row('Thalamus Mobile App').click();
  await expect(clients.detail('Require PKCE')).toHaveText('Yes');
  await clients.details.getByRole('button', { name: 'Edit Client' }).click();
  await expect(requirePkce).toBeChecked();
  await expect(requirePkce).toBeDisabled();
});
