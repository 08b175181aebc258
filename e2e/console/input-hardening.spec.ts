import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createDb } from '../../lib/db/client';
import { ClientsPage } from '../support/console';
import { createClient } from '../support/cli';
import { startSignIn } from '../support/http-sign-in';
import { baseURL } from '../support/test-env';

test.describe('Client scopes must exist in the registry', () => {
  test('a super admin cannot give a default client an unknown scope; the app keeps signing users in', async ({ page }) => {
    const clients = new ClientsPage(page);
    await clients.open();
    await clients.search.fill('thalamus-mobile-app');
    await page.getByRole('button', { name: 'Edit Thalamus Mobile App' }).click();
    await clients.addTo('Scopes', 'nonexist');
    // The form marks the scope as it is added and refuses to save it, in the server's words
    // (the server refuses it too: e2e/api/client-input-hardening.spec.ts).
    const message = 'Unknown scope "nonexist": create it under OAuth Scopes first';
    await expect(clients.dialog.getByRole('group', { name: 'Scopes' })).toContainText(message);
    await clients.dialog.getByRole('button', { name: 'Save changes' }).click();
    await expect(clients.dialog.getByRole('alert')).toHaveText('Fix the highlighted fields.');
    await expect(page.getByRole('dialog', { name: 'Change a default client?' })).toHaveCount(0);
    await expect(clients.dialog.getByRole('group', { name: 'Scopes' })).toContainText(message);
    await clients.dialog.getByRole('button', { name: 'Cancel' }).click();
    // Before the rule this save succeeded and the app's next authorization request failed (invalid_client_metadata).
    await startSignIn(baseURL);
  });
});

test.describe('OAuth Scopes in use', () => {
  test('a scope still registered on a client cannot be removed; the page names the client', async ({ page }) => {
    const scope = `ledger:${randomBytes(3).toString('hex')}`;
    await page.goto('/console/scopes');
    await page.getByRole('button', { name: 'Add Scope' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Scope Name').fill(scope);
    await dialog.getByLabel('Description').fill('Read your ledger');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('row', { name: scope })).toBeVisible();

    const client = createClient({ name: `Ledger Sync ${scope}`, grant_types: ['client_credentials'], scopes: [scope] });
    await page.getByRole('button', { name: `Remove ${scope}` }).click();
    const alert = page.getByRole('main').getByRole('alert');
    await expect(alert).toContainText(`${scope} is still used by the client Ledger Sync ${scope} (${client.client_id}): remove it from them first`);
    await page.reload();
    await expect(page.getByRole('row', { name: scope })).toBeVisible();
  });

  test('a scope description with a direction override is refused beside the field', async ({ page }) => {
    await page.goto('/console/scopes');
    await page.getByRole('button', { name: 'Add Scope' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Scope Name').fill(`bidi:${randomBytes(3).toString('hex')}`);
    await dialog.getByLabel('Description').fill('Read \u202Eyour files');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText('Remove control or text-direction characters (U+202E)')).toBeVisible();
  });
});

test.describe('Names with control or direction characters', () => {
  test('an API key named with an override is refused, naming the field', async ({ page }) => {
    await page.goto('/console/settings/api-keys');
    const response = await page.request.post('/api/api-keys', { headers: { Origin: baseURL }, data: { name: 'Deploy\u202Eyolped', scopes: ['clients:read'] } });
    expect(response.status()).toBe(400);
    expect((await response.json()).fields).toEqual([{ path: 'name', message: 'Remove control or text-direction characters (U+202E)' }]);
  });

  test('a client stored with an override before the rule is shown isolated in the list and the details', async ({ page }) => {
    const tag = randomBytes(4).toString('hex');
    const client = createClient({ name: `Legacy ${tag}`, grant_types: ['client_credentials'], scopes: ['clients:read'] });
    const db = createDb();
    try {
      await db.oAuthClient.update({ where: { clientId: client.client_id }, data: { name: `Legacy ${tag} \u202Etxet desrever`, description: 'Old \u202Erow' } });
    } finally {
      await db.$disconnect();
    }
    const clients = new ClientsPage(page);
    await clients.open();
    await clients.search.fill(tag);
    await expect(page).toHaveURL(new RegExp(`q=${tag}`));
    const row = page.getByRole('row').filter({ hasText: `Legacy ${tag}` });
    await expect(row).toHaveCount(1);
    await expect(row.getByText(`Legacy ${tag}`)).toHaveCSS('unicode-bidi', 'isolate');
    await expect(row.getByText('Old')).toHaveCSS('unicode-bidi', 'isolate');
    await row.getByRole('button', { name: `View Legacy ${tag}` }).click();
    await expect(clients.details.getByRole('heading', { name: `Legacy ${tag}` }).getByText(`Legacy ${tag}`)).toHaveCSS('unicode-bidi', 'isolate');
  });
});
