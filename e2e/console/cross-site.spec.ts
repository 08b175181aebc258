import { expect, test } from '@playwright/test';
import { ClientsPage } from '../support/console';
import { createClient } from '../support/cli';
import { holdBackAction } from '../support/server-action';

// Console changes are server actions sent with the admin's cookies. A page on another
// site (or a sandboxed one, whose Origin is "null") that makes the browser send one
// must be refused before anything is saved: the cookies alone prove nothing. Browsers
// always send Origin on a POST, so a request without one is refused as well.

for (const origin of ['https://evil.example', 'null', undefined]) {
  test(`a console change sent ${origin ? `with Origin ${origin}` : 'without Origin'} is refused with 403 and saves nothing`, async ({ page }) => {
    const name = `Cross-site ${origin === undefined ? 'none' : origin === 'null' ? 'null' : 'evil'} ${Date.now()}`;
    const clients = new ClientsPage(page);
    await clients.open();
    await clients.startSyncConnector(name);

    // Hold back the real "Create Client" action and send the same request, with the
    // admin's cookies, as if from the foreign page.
    const action = await holdBackAction(page, '**/console/clients**', () => clients.dialog.getByRole('button', { name: 'Create Client' }).click());
    const forged = await page.request.post(action.url, { headers: { ...action.headers, ...(origin ? { origin } : {}) }, data: action.body, maxRedirects: 0 });
    expect(forged.status()).toBe(403);
    expect(await forged.json()).toMatchObject({ error: 'forbidden' });

    await clients.open();
    await clients.search.fill(name);
    await expect(page.getByText(`No client matches “${name}”.`)).toBeVisible();
  });
}

test('the same request from the console itself goes through', async ({ page }) => {
  const name = `Same-site ${Date.now()}`;
  const clients = new ClientsPage(page);
  await clients.open();
  await clients.startSyncConnector(name);
  await clients.dialog.getByRole('button', { name: 'Create Client' }).click();
  await expect(clients.dialog.getByLabel('Client Secret', { exact: true })).toHaveText(/^thcs_/);
});

test('a console change with malformed arguments gets field errors, not a server error, and saves nothing', async ({ page }) => {
  const name = `Malformed ${Date.now()}`;
  const client = createClient({ name, grant_types: ['client_credentials'], scopes: ['clients:read'] });
  const clients = new ClientsPage(page);
  await clients.open();
  await clients.search.fill(name);
  await expect(page).toHaveURL(/q=Malformed/);
  await clients.row(name).click();

  // Hold back the real "Disable" action (sent once confirmed) and send it again with arguments the console never sends.
  await clients.details.getByRole('button', { name: 'Disable' }).click();
  const action = await holdBackAction(page, '**/console/clients**', () => page.getByRole('dialog').getByRole('button', { name: 'Disable' }).click());
  expect(action.body.toString()).toContain(client.client_id);
  const forged = await page.request.post(action.url, {
    headers: { ...action.headers, origin: action.origin },
    data: JSON.stringify([client.client_id, 'yes please']),
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(200);
  expect(await forged.text()).toContain('Fix the highlighted fields');

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
