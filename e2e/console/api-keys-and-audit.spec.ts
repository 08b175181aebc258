import { expect, test } from '@playwright/test';
import { bearer } from '../support/admin-api';
import { createApiKey } from '../support/cli';
import { ClientsPage, columnCell, consoleDate } from '../support/console';
import { baseURL } from '../support/test-env';

// Step 0 of the integration story happens here: a super admin creates an API key for a
// service, once. Every change then shows in the Audit Log with who made it.

test.describe('Settings › API Keys and the Audit Log', () => {
  test('a key created in the console registers a client; the audit log names the key, never a secret; revoking works at once', async ({ page, request }) => {
    await page.goto('/console/settings/api-keys');
    await page.getByRole('button', { name: 'Create API Key' }).click();
    const dialog = page.getByRole('dialog');
    const name = `Deploy bot ${Date.now()}`;
    await dialog.getByLabel('Name').fill(name);
    await dialog.getByRole('button', { name: 'Create API Key' }).click();
    const key = (await dialog.getByLabel('API key', { exact: true }).textContent())!;
    expect(key).toMatch(/^thak_/);
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('row', { name })).toContainText(key.slice(-4));
    expect(await page.content()).not.toContain(key);

    const created = await request.post('/api/clients', {
      headers: { Authorization: `Bearer ${key}` },
      data: { name: 'Audited Service', grant_types: ['client_credentials'], scopes: ['clients:read'] },
    });
    expect(created.status()).toBe(201);
    const { client_secret, ...client } = await created.json();

    await page.goto(`/console/audit?target_type=client&target_id=${client.client_id}`);
    const events = page.getByRole('list', { name: 'Audit events' });
    await expect(events).toContainText('client.created');
    await expect(events).toContainText(`API key ${name}`);
    expect(await page.content()).not.toContain(client_secret);

    // The client's own history in the details panel.
    const clients = new ClientsPage(page);
    await page.goto(`/console/clients?client=${client.client_id}`);
    await expect(clients.details.getByRole('region', { name: 'History' })).toContainText('client.created');

    await page.goto('/console/settings/api-keys');
    await page.getByRole('button', { name: `Revoke ${name}` }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Revoke' }).click();
    await expect(page.getByRole('row', { name })).toContainText('Revoked');
    expect((await request.get('/api/clients', { headers: { Authorization: `Bearer ${key}` } })).status()).toBe(401);
  });

  test('a key’s Last used shows Never until the key calls the admin API, then when it did', async ({ page, request }) => {
    const { api_key, key } = createApiKey('clients:read');
    await page.goto('/console/settings/api-keys');
    const lastUsed = await columnCell(page.getByRole('table'), api_key.name, 'Last used');
    await expect(lastUsed).toHaveText('Never');

    expect((await request.get('/api/clients', { headers: bearer(key) })).status()).toBe(200);
    await page.reload();
    await expect(lastUsed).toHaveText(consoleDate);
  });

  test('console changes are recorded with the admin as the actor', async ({ page }) => {
    const clients = new ClientsPage(page);
    await clients.open();
    await clients.startSyncConnector('Audited Sync');
    await clients.dialog.getByRole('button', { name: 'Create Client' }).click();
    const clientId = (await clients.dialog.getByLabel('Client ID', { exact: true }).textContent())!;
    await clients.finishSecretDialog();

    await page.goto('/console/audit?actor_type=admin&target_type=client');
    await expect(page.getByRole('list', { name: 'Audit events' })).toContainText(clientId);
    await expect(page.getByRole('list', { name: 'Audit events' })).toContainText(process.env.ADMIN_EMAIL!);
  });

  test('/api/api-keys takes the console session of a super admin and refuses other sites', async ({ page }) => {
    await page.goto('/console/clients');
    const ok = await page.request.post('/api/api-keys', { headers: { Origin: baseURL }, data: { name: 'From the API', scopes: ['clients:read'] } });
    expect(ok.status()).toBe(201);
    const { api_key, key } = await ok.json();
    expect(key).toMatch(/^thak_/);
    const list = await (await page.request.get('/api/api-keys')).json();
    expect(JSON.stringify(list)).not.toContain(key);
    expect(list.data.map((k: { id: string }) => k.id)).toContain(api_key.id);

    const forged = await page.request.post('/api/api-keys', { headers: { Origin: 'https://evil.example' }, data: { name: 'Forged', scopes: ['clients:write'] } });
    expect(forged.status()).toBe(403);
    const nullOrigin = await page.request.post('/api/api-keys', { headers: { Origin: 'null' }, data: { name: 'Forged', scopes: ['clients:write'] } });
    expect(nullOrigin.status()).toBe(403);
    expect((await page.request.delete(`/api/api-keys/${api_key.id}`, { headers: { Origin: baseURL } })).status()).toBe(204);
  });
});
