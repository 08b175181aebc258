import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { decodeJwt } from 'jose';
import { adminToken, bearer } from '../support/admin-api';
import { createClient } from '../support/cli';
import { ClientsPage } from '../support/console';
import { requestToken } from '../support/token-request';

test.describe('APIs', () => {
  test('admins create an API and add and remove its scopes; deleting it while a client uses it is refused, naming the client', async ({ page }) => {
    const tag = randomBytes(3).toString('hex');
    const name = `Inventory ${tag}`;
    await page.goto('/console/clients');
    await page.getByRole('link', { name: 'APIs' }).click();
    await expect(page.getByRole('heading', { name: 'APIs' })).toBeVisible();
    // Thalamus's own API is listed and protected.
    await expect(page.getByRole('row', { name: /Thalamus API/ }).getByRole('button', { name: 'Delete Thalamus API' })).toBeDisabled();

    await page.getByRole('button', { name: 'Create API' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByLabel('Identifier').fill(`http://inventory-${tag}.example.com`);
    await dialog.getByRole('button', { name: 'Create API' }).click();
    await expect(dialog.getByLabel('Identifier')).toHaveAccessibleDescription(/https:\/\//);
    await dialog.getByLabel('Identifier').fill(`https://inventory-${tag}.example.com`);
    await dialog.getByLabel('Access token format').selectOption('opaque');
    await dialog.getByLabel('Token lifetime (seconds)').fill('600');
    await dialog.getByRole('button', { name: 'Create API' }).click();
    const row = page.getByRole('row', { name: new RegExp(name) });
    await expect(row).toContainText(`https://inventory-${tag}.example.com`);
    await expect(row).toContainText('Opaque, 600 s');

    await row.getByRole('button', { name: `Scopes of ${name}` }).click();
    const scopes = page.getByRole('dialog', { name: `Scopes of ${name}` });
    await scopes.getByLabel('Scope Name').fill(`stock${tag}:read`);
    await scopes.getByLabel('Scope description').fill('See stock levels');
    await scopes.getByRole('button', { name: 'Add Scope' }).click();
    await expect(scopes.getByRole('list', { name: `Scopes of ${name}` })).toContainText('See stock levels');
    await scopes.getByLabel('Scope Name').fill(`stock${tag}:write`);
    await scopes.getByLabel('Scope description').fill('Change stock levels');
    await scopes.getByRole('button', { name: 'Add Scope' }).click();
    await scopes.getByRole('button', { name: `Remove stock${tag}:write` }).click();
    await expect(scopes.getByRole('listitem')).toHaveCount(1);
    await page.keyboard.press('Escape');
    await expect(row).toContainText(`stock${tag}:read`);

    // A client holds the scope: deleting is refused, naming the client.
    const client = createClient({ name: `Stock sync ${tag}`, grant_types: ['client_credentials'], scopes: [`stock${tag}:read`] });
    await row.getByRole('button', { name: `Delete ${name}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Delete API' }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'is still used' })).toContainText(`Stock sync ${tag} (${client.client_id})`);
    await expect(row).toBeVisible();
  });

  test('a client whose Default API is chosen in the console gets tokens for that API without naming it', async ({ page, request }) => {
    const tag = randomBytes(3).toString('hex');
    const identifier = `https://reports-${tag}.example.com`;
    const response = await request.post('/api/resources', {
      headers: bearer(await adminToken(request)),
      data: { name: `Reports ${tag}`, identifier, scopes: [{ name: `reports${tag}:read`, description: 'Read reports' }] },
    });
    expect(response.status(), await response.text()).toBe(201);

    const clients = new ClientsPage(page);
    await clients.open();
    await clients.startCustomClient();
    await clients.dialog.getByLabel('Client Name').fill(`Report exporter ${tag}`);
    await clients.dialog.getByRole('checkbox', { name: 'Authorization Code' }).uncheck();
    await clients.dialog.getByRole('checkbox', { name: 'Client Credentials' }).check();
    await clients.addTo('Scopes', `reports${tag}:read`);
    await clients.dialog.getByLabel('Default API').selectOption({ label: `Reports ${tag} (${identifier})` });
    await clients.dialog.getByRole('button', { name: 'Create Client' }).click();
    const clientId = (await clients.dialog.getByLabel('Client ID', { exact: true }).textContent())!.trim();
    const secret = (await clients.dialog.getByLabel('Client Secret', { exact: true }).textContent())!.trim();
    await clients.finishSecretDialog();

    await page.goto(`/console/clients?client=${clientId}`);
    await expect(clients.detail('Default API')).toHaveText(identifier);

    const token = await requestToken(request, { id: clientId, secret }, { grant_type: 'client_credentials', scope: `reports${tag}:read` });
    expect(token.status(), await token.text()).toBe(200);
    const claims = decodeJwt((await token.json()).access_token);
    expect(claims).toMatchObject({ aud: identifier, scope: `reports${tag}:read`, client_id: clientId });
  });
});
