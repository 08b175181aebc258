import { expect, test, type APIRequestContext } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { createClient, createUser } from '../support/cli';
import { ClientsPage } from '../support/console';
import { holdBackAction } from '../support/server-action';
import { SignInPage } from '../support/sign-in-page';
import { requestToken } from '../support/token-request';

test('an end user who is not an administrator cannot open the console', async ({ page }) => {
  const user = createUser();
  await page.goto('/console/clients');
  await new SignInPage(page).signIn(user);
  await expect(page.getByRole('heading', { name: 'You do not have access to the console' })).toBeVisible();
  await expect(page.getByText('Error 403')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'OAuth Clients' })).toHaveCount(0);
});

test('console server actions refuse a request without an admin session', async ({ page, browser, playwright }) => {
  // Two sign-ins and a CLI run in one test: on a loaded machine it nears 30 s.
  test.slow();
  const response = await page.request.get('/console/clients', { maxRedirects: 0 });
  expect([307, 308]).toContain(response.status());
  expect(response.headers().location).toContain('/console/sign-in');

  const name = `Access check ${randomBytes(3).toString('hex')}`;
  const { client_secret, ...client } = createClient({ name, grant_types: ['client_credentials'], scopes: ['clients:read'] });
  const credentials = { id: client.client_id, secret: client_secret! };

  // The real "Disable" action of this client, as an administrator's console sends it, held back.
  await page.goto('/console');
  await new SignInPage(page).signIn({ email: process.env.ADMIN_EMAIL!, password: process.env.ADMIN_PASSWORD! });
  // The console opens on its overview; the clients are one link away.
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'OAuth Clients' }).click();
  await expect(page.getByRole('heading', { name: 'OAuth Clients' })).toBeVisible();
  const clients = new ClientsPage(page);
  await clients.search.fill(name);
  await expect(page).toHaveURL(/q=Access/);
  await clients.row(name).click();
  await clients.details.getByRole('button', { name: 'Disable' }).click();
  const disable = await holdBackAction(page, '**/console/clients**', () => page.getByRole('dialog').getByRole('button', { name: 'Disable' }).click());
  // From this site (the Origin check passes), so what refuses it is the action's own session check.
  const send = (request: APIRequestContext) => request.post(disable.url, { headers: { ...disable.headers, origin: disable.origin }, data: disable.body, maxRedirects: 0 });

  // The same action with no session, and with the session of a signed-in end user who is not an administrator.
  const noSession = await playwright.request.newContext();
  const endUser = await browser.newContext();
  const endUserPage = await endUser.newPage();
  await endUserPage.goto('/console');
  await new SignInPage(endUserPage).signIn(createUser());
  await expect(endUserPage.getByRole('heading', { name: 'You do not have access to the console' })).toBeVisible();
  for (const [who, request] of [
    ['no session', noSession],
    ['a non-admin session', endUser.request],
  ] as const) {
    const refused = await send(request);
    expect(refused.status(), who).toBe(200);
    expect(await refused.text(), who).toContain('"ok":false');
    expect(await refused.text(), who).toContain('You need to be signed in to the console as an administrator');
  }
  await noSession.dispose();
  await endUser.close();

  // Nothing changed: the client is still enabled, and still gets tokens.
  await page.reload();
  await expect(clients.detail('Status')).toHaveText('Enabled');
  expect((await requestToken(page.request, credentials, { grant_type: 'client_credentials' })).status()).toBe(200);
});
