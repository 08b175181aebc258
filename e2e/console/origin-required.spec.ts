import { expect, test } from '@playwright/test';
import { discover } from '../../examples/relying-party';
import { createApiKey, createUser } from '../support/cli';
import { beginBrowserSignIn } from '../support/relying-party';
import { holdBackAction } from '../support/server-action';
import { SignInPage } from '../support/sign-in-page';
import { baseURL } from '../support/test-env';

// A write that carries the console's or the hosted pages' cookies must prove that it
// came from this site: browsers send Origin on every POST (Fetch §3.1), so a request
// without it is not one a page of Thalamus made. Scripts authenticate with an admin API
// key in the Authorization header and no cookie; nothing rides along on their requests,
// so they need no Origin (curl sends none).

test('/api/api-keys refuses a request with the console session but no Origin, and saves nothing', async ({ page }) => {
  await page.goto('/console/settings/api-keys');
  const name = `No origin ${Date.now()}`;
  const refused = await page.request.post('/api/api-keys', { data: { name, scopes: ['clients:write'] } });
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ error: 'forbidden', fields: [] });
  const list = await (await page.request.get('/api/api-keys')).json();
  expect(JSON.stringify(list)).not.toContain(name);

  // The browser's own Fetch Metadata is proof as good as Origin (pages cannot set it).
  const fromThisSite = await page.request.post('/api/api-keys', { headers: { 'Sec-Fetch-Site': 'same-origin' }, data: { name, scopes: ['clients:read'] } });
  expect(fromThisSite.status()).toBe(201);
  const { api_key } = await fromThisSite.json();
  expect((await page.request.delete(`/api/api-keys/${api_key.id}`)).status()).toBe(403);
  expect((await page.request.delete(`/api/api-keys/${api_key.id}`, { headers: { Origin: baseURL } })).status()).toBe(204);
});

test('a script with an admin API key and no cookie writes without Origin', async ({ playwright }) => {
  const { key } = createApiKey('clients:read,clients:write');
  const curl = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${key}` } });
  const organization = await curl.post('/api/organizations', { data: { name: `Scripted ${Date.now()}` } });
  expect(organization.status()).toBe(201);
  const client = await curl.post('/api/clients', { data: { name: `Scripted ${Date.now()}`, grant_types: ['client_credentials'], scopes: ['clients:read'] } });
  expect(client.status()).toBe(201);
  expect(client.headers()['content-type']).toMatch(/^application\/json/);
  await curl.dispose();
});

test.describe('the hosted sign-in', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('a sign-in step sent without Origin is refused with 403; the same step from the page signs in', async ({ page }) => {
    const user = createUser();
    const config = await discover(baseURL, 'thalamus-desktop-agent');
    const { callback } = await beginBrowserSignIn(page, config, 'http://127.0.0.1:53682/callback');
    const signIn = new SignInPage(page);
    await signIn.expectVisible();

    // Hold back the real "Sign in" step and send it again with the page's cookies but no Origin.
    const step = await holdBackAction(page, '**/interaction/**', () => signIn.signIn(user));
    const forged = await page.request.post(step.url, { headers: step.headers, data: step.body, maxRedirects: 0 });
    expect(forged.status()).toBe(403);
    expect(await forged.json()).toMatchObject({ error: 'forbidden' });

    await page.reload();
    await signIn.signIn(user);
    expect((await callback).searchParams.get('code')).toBeTruthy();
  });
});
