import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { ClientsPage, consoleDate } from '../support/console';
import { createClient } from '../support/cli';
import { basicAuth } from '../support/test-env';

// Configuration › OAuth Clients: the page administrators live in.

test.describe('OAuth Clients', () => {
  test('create a Custom Client: the secret is shown once and works for client credentials', async ({ page, request, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const clients = new ClientsPage(page);
    await clients.open();
    await clients.startCustomClient();
    await clients.dialog.getByLabel('Client Name').fill('Billing Service');
    await clients.dialog.getByLabel('Description').fill('Invoices and payments');
    await clients.addTo('Redirect URIs', 'https://billing.example.com/callback');
    await clients.addTo('Redirect URIs', 'https://billing.example.com/auth/return');
    await clients.dialog.getByRole('checkbox', { name: 'Client Credentials' }).check();
    await expect(clients.dialog.getByRole('checkbox', { name: 'Password' })).toBeDisabled();
    await expect(clients.dialog.getByRole('checkbox', { name: 'Implicit' })).toBeDisabled();
    for (const scope of ['openid', 'profile', 'clients:read']) await clients.addTo('Scopes', scope);
    await clients.dialog.getByRole('switch', { name: 'Require User Consent' }).click();
    await expect(clients.dialog.getByRole('switch', { name: 'Require User Consent' })).toBeChecked();
    await clients.dialog.getByRole('button', { name: 'Create Client' }).click();

    await expect(clients.dialog.getByRole('heading', { name: 'Client created' })).toBeVisible();
    const clientId = (await clients.dialog.getByLabel('Client ID', { exact: true }).textContent())!;
    const secret = (await clients.dialog.getByLabel('Client Secret', { exact: true }).textContent())!;
    expect(secret).toMatch(/^thcs_/);
    await clients.dialog.getByRole('button', { name: 'Copy Client Secret' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
    await clients.finishSecretDialog();

    // The secret is gone for good: not in the list, the panel or the page after a reload.
    await page.reload();
    await clients.row('Billing Service').click();
    await expect(clients.detail('Client ID')).toHaveText(clientId);
    // What the form chose was saved, the consent switch included.
    await expect(clients.detail('Require User Consent')).toHaveText('Yes');
    await expect(clients.detail('Redirect URIs').getByRole('listitem')).toHaveText(['https://billing.example.com/callback', 'https://billing.example.com/auth/return']);
    expect(await page.content()).not.toContain(secret);

    const token = await request.post('/oauth/token', {
      headers: { Authorization: basicAuth(clientId, secret) },
      form: { grant_type: 'client_credentials', scope: 'clients:read' },
    });
    expect(token.status()).toBe(200);
  });

  test('create a Sync Connector Client by giving only a name', async ({ page }) => {
    const clients = new ClientsPage(page);
    await clients.open();
    await clients.startSyncConnector('Head Office AD Sync');
    await clients.dialog.getByRole('button', { name: 'Create Client' }).click();
    await expect(clients.dialog.getByLabel('Client Secret', { exact: true })).toHaveText(/^thcs_/);
    await clients.finishSecretDialog();

    await clients.row('Head Office AD Sync').click();
    await expect(clients.details.getByText('Client Credentials')).toBeVisible();
    await expect(clients.details.getByText('directory:read', { exact: true })).toBeVisible();
    await expect(clients.details.getByText('directory:write', { exact: true })).toBeVisible();
    await expect(clients.details).toContainText('Sync Connector');
  });

  test('search narrows the list; the copy button copies the Client ID; the panel shows every field', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const clients = new ClientsPage(page);
    await clients.open();
    await clients.search.fill('desktop');
    await expect(page).toHaveURL(/q=desktop/);
    await expect(clients.row('Thalamus Desktop Agent')).toBeVisible();
    await expect(clients.row('Admin Client')).toHaveCount(0);

    await clients.row('Thalamus Desktop Agent').getByRole('button', { name: 'Copy Client ID' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('thalamus-desktop-agent');

    await clients.row('Thalamus Desktop Agent').getByRole('button', { name: 'View Thalamus Desktop Agent' }).click();
    // Each field's value under its label, as seeded for the desktop agent (lib/clients/default-clients.ts).
    await expect(clients.details.getByRole('heading', { name: 'Thalamus Desktop Agent' })).toBeVisible();
    const shown: Record<string, string | string[] | RegExp> = {
      'Client ID': 'thalamus-desktop-agent',
      Status: 'Enabled',
      'Registered by': 'Thalamus setup',
      Description: 'End-user sign-in from the desktop agent (public native client, loopback redirect).',
      Type: 'Custom · Native · Public',
      'Grant Types': ['Authorization Code', 'Refresh Token'],
      'Response Types': 'Code',
      Scopes: ['openid', 'profile', 'email', 'offline_access'],
      'Require User Consent': 'No',
      'Require PKCE': 'Yes',
      'Redirect URIs': ['http://127.0.0.1/callback'],
      Created: consoleDate,
      'Last updated': consoleDate,
    };
    // Badges and list items stand side by side, so a list reads as its items run together.
    for (const [label, value] of Object.entries(shown)) await expect(clients.detail(label), label).toHaveText(Array.isArray(value) ? value.join('') : value);
    await expect(clients.detail('Client Secret')).toHaveCount(0); // a public client has none
    // A default client cannot be deleted, and the UI says why.
    await expect(clients.details.getByRole('button', { name: 'Delete' })).toBeDisabled();
    await expect(clients.details).toContainText('cannot be deleted');
    await expect(clients.row('Thalamus Desktop Agent').getByRole('button', { name: 'Delete Thalamus Desktop Agent' })).toBeDisabled();
  });

  test('edit changes show in the list and the panel; delete removes the client and its tokens stop working', async ({ page, request }) => {
    const clients = new ClientsPage(page);
    await clients.open();
    await clients.startCustomClient();
    await clients.dialog.getByLabel('Client Name').fill('Reporting Job');
    await clients.dialog.getByRole('checkbox', { name: 'Authorization Code' }).uncheck();
    await clients.dialog.getByRole('checkbox', { name: 'Client Credentials' }).check();
    await clients.addTo('Scopes', 'clients:read');
    await clients.dialog.getByRole('button', { name: 'Create Client' }).click();
    const clientId = (await clients.dialog.getByLabel('Client ID', { exact: true }).textContent())!;
    const secret = (await clients.dialog.getByLabel('Client Secret', { exact: true }).textContent())!;
    await clients.finishSecretDialog();

    const issued = await request.post('/oauth/token', { headers: { Authorization: basicAuth(clientId, secret) }, form: { grant_type: 'client_credentials' } });
    expect(issued.status()).toBe(200);

    await clients.row('Reporting Job').getByRole('button', { name: 'Edit Reporting Job' }).click();
    await clients.dialog.getByLabel('Client Name').fill('Nightly Reporting Job');
    await clients.dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(clients.row('Nightly Reporting Job')).toBeVisible();
    await clients.row('Nightly Reporting Job').click();
    await expect(clients.details.getByRole('heading', { name: 'Nightly Reporting Job' })).toBeVisible();

    await clients.details.getByRole('button', { name: 'Delete' }).click();
    await clients.dialog.getByRole('button', { name: 'Delete' }).click();
    await expect(clients.row('Nightly Reporting Job')).toHaveCount(0);
    const after = await request.post('/oauth/token', { headers: { Authorization: basicAuth(clientId, secret) }, form: { grant_type: 'client_credentials' } });
    expect(after.status()).toBe(401);
  });

  test('invalid input shows field errors and saves nothing', async ({ page }) => {
    const clients = new ClientsPage(page);
    await clients.open();
    await clients.startCustomClient();
    await clients.dialog.getByLabel('Client Name').fill('x'.repeat(300));
    // A redirect URI the server would refuse is refused at "Add", with the server's words.
    await clients.addTo('Redirect URIs', 'http://insecure.example.com/callback');
    await expect(clients.dialog.getByRole('textbox', { name: 'Redirect URIs' })).toHaveAccessibleDescription(/Redirect URI must use https/);
    await expect(clients.dialog.getByRole('list', { name: 'Redirect URIs' })).toHaveCount(0);
    await clients.dialog.getByRole('checkbox', { name: 'Authorization Code' }).uncheck();
    await clients.dialog.getByRole('button', { name: 'Create Client' }).click();
    await expect(clients.dialog.getByText('Use at most 100 characters')).toBeVisible();
    await expect(clients.dialog.getByText('Select at least one grant type')).toBeVisible();
    await expect(clients.dialog.getByText('Add at least one scope')).toBeVisible();

    await clients.dialog.getByLabel('Client Name').fill('Insecure App');
    await clients.dialog.getByRole('checkbox', { name: 'Authorization Code' }).check();
    await clients.addTo('Scopes', 'openid');
    await clients.dialog.getByRole('button', { name: 'Create Client' }).click();
    await expect(clients.dialog.getByText('Add at least one redirect URI for the Authorization Code grant')).toBeVisible();
    await clients.dialog.getByRole('button', { name: 'Close' }).click();
    await clients.search.fill('Insecure App');
    await expect(page.getByText('No client matches')).toBeVisible();
  });

  test('a client can be disabled, which stops it obtaining tokens, and enabled again', async ({ page, request }) => {
    const clients = new ClientsPage(page);
    await clients.open();
    // Many clients exist by now (other tests register their own); search finds this one.
    await clients.search.fill('Sync Service');
    await expect(page).toHaveURL(/q=Sync/);
    await clients.row('Sync Service Client').click();
    await clients.details.getByRole('button', { name: 'Disable' }).click();
    await page.getByRole('dialog', { name: 'Disable Sync Service Client?' }).getByRole('button', { name: 'Disable' }).click();
    // exact: the panel's history below also lists "client.disabled".
    await expect(clients.details.getByText('Disabled', { exact: true })).toBeVisible();
    const refused = await request.post('/oauth/token', {
      headers: { Authorization: basicAuth('thalamus_sync_client', process.env.THALAMUS_SYNC_CLIENT_SECRET!) },
      form: { grant_type: 'client_credentials' },
    });
    expect(refused.status()).toBe(401);
    await clients.details.getByRole('button', { name: 'Enable' }).click();
    await expect(clients.details.getByText('Enabled', { exact: true })).toBeVisible();
  });

  test('a secret can be regenerated: shown once, with the old one working as long as the admin chooses', async ({ page, request }) => {
    const name = `Rotated Service ${randomBytes(3).toString('hex')}`;
    const { client_secret: first, ...client } = createClient({ name, grant_types: ['client_credentials'], scopes: ['clients:read'] });
    const tokenStatus = async (secret: string) =>
      (await request.post('/oauth/token', { headers: { Authorization: basicAuth(client.client_id, secret) }, form: { grant_type: 'client_credentials' } })).status();
    const clients = new ClientsPage(page);
    await clients.open();
    await clients.search.fill(name);
    await expect(page).toHaveURL(/q=Rotated/);
    await clients.row(name).click();

    // A planned rotation: the current secret keeps working for an hour.
    await clients.details.getByRole('button', { name: 'Regenerate Secret' }).click();
    await clients.dialog.getByLabel('The current secret stops working').selectOption({ label: 'In 1 hour' });
    await clients.dialog.getByRole('button', { name: 'Regenerate' }).click();
    await expect(clients.dialog.getByRole('heading', { name: 'New Client Secret' })).toBeVisible();
    const second = (await clients.dialog.getByLabel('Client Secret', { exact: true }).textContent())!;
    expect(second).toMatch(/^thcs_/);
    await clients.finishSecretDialog();
    await expect(clients.details.getByText(/stops working/)).toHaveCount(1);
    expect([await tokenStatus(first!), await tokenStatus(second)]).toEqual([200, 200]);

    // A leak: every earlier secret stops at once (the default choice).
    await clients.details.getByRole('button', { name: 'Regenerate Secret' }).click();
    await expect(clients.dialog.getByLabel('The current secret stops working')).toHaveValue('0');
    await clients.dialog.getByRole('button', { name: 'Regenerate' }).click();
    const third = (await clients.dialog.getByLabel('Client Secret', { exact: true }).textContent())!;
    await clients.finishSecretDialog();
    await expect(clients.details.getByText(/stops working/)).toHaveCount(0);
    expect([await tokenStatus(first!), await tokenStatus(second), await tokenStatus(third)]).toEqual([401, 401, 200]);
    expect(await page.content()).not.toContain(third);
  });

  test('public clients have no secret to regenerate', async ({ page }) => {
    const clients = new ClientsPage(page);
    await clients.open();
    await clients.search.fill('Thalamus Mobile App');
    await expect(page).toHaveURL(/q=Thalamus/);
    await clients.row('Thalamus Mobile App').click();
    await expect(clients.details).toContainText('Public');
    await expect(clients.details.getByRole('button', { name: 'Regenerate Secret' })).toHaveCount(0);
  });
});
