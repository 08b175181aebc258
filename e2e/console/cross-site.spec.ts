import { expect, test, type Request } from '@playwright/test';
import { ClientsPage } from '../support/console';
import { createClient } from '../support/cli';

// Console changes are server actions sent with the admin's cookies. A page on another
// site (or a sandboxed one, whose Origin is "null") that makes the browser send one
// must be refused before anything is saved: the cookies alone prove nothing. Browsers
// always send Origin on a POST, so a request without one is refused as well.

for (const origin of ['https://evil.example', 'null', undefined]) {
  test(`a console change sent ${origin ? `with Origin ${origin}` : 'without Origin'} is refused with 403 and saves nothing`, async ({ page }) => {
    const name = `Cross-site ${origin === undefined ? 'none' : origin === 'null' ? 'null' : 'evil'} ${Date.now()}`;
    const clients = new ClientsPage(page);
    await clients.open();
    await clients.createButton.click();
    await clients.dialog.getByRole('button', { name: /Sync Connector Client/ }).click();
    await clients.dialog.getByLabel('Client Name').fill(name);

    // Hold back the real "Create Client" action and send the same request, with the
    // admin's cookies, as if from the foreign page.
    let action: Request | undefined;
    await page.route('**/console/clients**', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      action = route.request();
      await route.abort();
    });
    await clients.dialog.getByRole('button', { name: 'Create Client' }).click();
    await expect.poll(() => action).toBeDefined();
    const headers = await action!.allHeaders();
    const forged = await page.request.post(action!.url(), {
      headers: { 'next-action': headers['next-action']!, 'content-type': headers['content-type']!, accept: headers.accept!, ...(origin ? { origin } : {}) },
      data: action!.postDataBuffer()!,
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);
    expect(await forged.json()).toMatchObject({ error: 'forbidden' });

    await page.unroute('**/console/clients**');
    await clients.open();
    await clients.search.fill(name);
    await expect(page.getByText(`No client matches “${name}”.`)).toBeVisible();
  });
}

test('the same request from the console itself goes through', async ({ page }) => {
  const name = `Same-site ${Date.now()}`;
  const clients = new ClientsPage(page);
  await clients.open();
  await clients.createButton.click();
  await clients.dialog.getByRole('button', { name: /Sync Connector Client/ }).click();
  await clients.dialog.getByLabel('Client Name').fill(name);
  await clients.dialog.getByRole('button', { name: 'Create Client' }).click();
  await expect(clients.dialog.getByLabel('Client Secret', { exact: true })).toHaveText(/^thcs_/);
});

test('a console change with malformed arguments gets field errors, not a server error, and saves nothing', async ({ page }) => {
  const name = `Malformed ${Date.now()}`;
  const { client } = createClient({ name, grant_types: ['client_credentials'], scopes: ['clients:read'] });
  const clients = new ClientsPage(page);
  await clients.open();
  await clients.search.fill(name);
  await expect(page).toHaveURL(/q=Malformed/);
  await clients.row(name).click();

  // Hold back the real "Disable" action and send it again with arguments the console never sends.
  let action: Request | undefined;
  await page.route('**/console/clients**', async (route) => {
    if (route.request().method() !== 'POST') return route.continue();
    action = route.request();
    await route.abort();
  });
  await clients.details.getByRole('button', { name: 'Disable' }).click();
  await expect.poll(() => action).toBeDefined();
  expect(action!.postData()).toContain(client.client_id);
  const headers = await action!.allHeaders();
  const forged = await page.request.post(action!.url(), {
    headers: { 'next-action': headers['next-action']!, 'content-type': headers['content-type']!, accept: headers.accept!, origin: new URL(action!.url()).origin },
    data: JSON.stringify([client.client_id, 'yes please']),
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(200);
  expect(await forged.text()).toContain('Fix the highlighted fields');

  await page.unroute('**/console/clients**');
  await page.reload();
  await expect(clients.details.getByText('Enabled', { exact: true })).toBeVisible();
});

test('the sign-in return address cannot leave the console', async ({ page }) => {
  for (const callbackUrl of ['https://evil.example/', '//evil.example/', '/\\evil.example/', '/console/clients?q=x']) {
    const response = await page.request.get(`/console/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`, { maxRedirects: 0 });
    expect(response.status()).toBe(307);
    expect(response.headers().location).toBe(callbackUrl.startsWith('/console') ? callbackUrl : '/console');
  }
});
