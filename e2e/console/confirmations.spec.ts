import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { ClientsPage } from '../support/console';
import { createClient, createUser } from '../support/cli';

// What is risky asks first and says what happens; what the server would refuse is not
// offered, and the console says why in its place.

test.describe('Risky changes confirm first', () => {
  test('disabling a client asks first; cancelling changes nothing, confirming disables it; enabling again does not ask', async ({ page }) => {
    const name = `Payroll ${randomBytes(3).toString('hex')}`;
    const client = createClient({ name, grant_types: ['client_credentials'], scopes: ['clients:read'] });
    const clients = new ClientsPage(page);
    const confirm = page.getByRole('dialog', { name: `Disable ${name}?` });
    await page.goto(`/console/clients?client=${client.client_id}`);

    await clients.details.getByRole('button', { name: 'Disable' }).click();
    await expect(confirm).toContainText(`Applications using ${client.client_id} stop working at once`);
    await expect(confirm).toContainText('the tokens and grants it holds are revoked');
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toHaveCount(0);
    await page.reload();
    await expect(clients.detail('Status')).toHaveText('Enabled');

    await clients.details.getByRole('button', { name: 'Disable' }).click();
    await confirm.getByRole('button', { name: 'Disable' }).click();
    await expect(clients.detail('Status')).toHaveText('Disabled');
    await page.reload();
    await expect(clients.detail('Status')).toHaveText('Disabled');

    await clients.details.getByRole('button', { name: 'Enable' }).click();
    await expect(clients.detail('Status')).toHaveText('Enabled');
    await expect(page.getByRole('dialog')).toHaveCount(0);
  });

  test('granting the admin role and disabling a user ask first; cancelling changes nothing', async ({ page }) => {
    const user = createUser();
    await page.goto('/console/users');
    await page.getByRole('searchbox', { name: 'Search' }).fill(user.email);
    const row = page.getByRole('row', { name: user.email });
    const makeAdmin = page.getByRole('dialog', { name: `Make ${user.email} an admin?` });
    const disable = page.getByRole('dialog', { name: `Disable ${user.email}?` });

    await row.getByRole('button', { name: 'Make admin' }).click();
    await expect(makeAdmin).toContainText('They can then sign in to this console');
    await makeAdmin.getByRole('button', { name: 'Cancel' }).click();
    await row.getByRole('button', { name: 'Disable' }).click();
    await expect(disable).toContainText('They are signed out of every application at once');
    await disable.getByRole('button', { name: 'Cancel' }).click();
    await page.reload();
    await expect(row).toContainText('User');
    await expect(row).toContainText('Active');
    await expect(row.getByRole('button', { name: 'Make admin' })).toBeVisible();

    await row.getByRole('button', { name: 'Make admin' }).click();
    await makeAdmin.getByRole('button', { name: 'Make admin' }).click();
    await expect(row.getByRole('button', { name: 'Remove admin' })).toBeVisible();
    await page.reload();
    await expect(row).toContainText('Admin');
    await expect(row.getByRole('button', { name: 'Remove admin' })).toBeVisible();
  });
});

test.describe('What the server would refuse is not offered', () => {
  test('the console client offers no Disable and a default client no Delete, and the panel says why', async ({ page }) => {
    const clients = new ClientsPage(page);
    await page.goto('/console/clients?client=thalamus-console');
    await expect(clients.details.getByRole('heading', { name: 'Thalamus Console' })).toBeVisible();
    await expect(clients.details.getByRole('button', { name: 'Disable' })).toHaveCount(0);
    await expect(clients.details).toContainText('The Thalamus Console client cannot be disabled: administrators sign in with it.');
    const deletion = clients.details.getByRole('button', { name: 'Delete' });
    await expect(deletion).toBeDisabled();
    await expect(deletion).toHaveAccessibleDescription(/^Default clients cannot be deleted/);
    await clients.search.fill('thalamus-console');
    await expect(clients.row('Thalamus Console').getByRole('button', { name: 'Delete Thalamus Console' })).toHaveAccessibleDescription(/^Default clients cannot be deleted/);
  });

  test("an admin's own row offers no Disable and no role change, and says why", async ({ page }) => {
    await page.goto('/console/users');
    await page.getByRole('searchbox', { name: 'Search' }).fill(process.env.ADMIN_EMAIL!);
    const row = page.getByRole('row', { name: process.env.ADMIN_EMAIL! });
    await expect(row.getByRole('button', { name: 'Edit' })).toBeVisible();
    await expect(row.getByRole('button', { name: 'Disable' })).toHaveCount(0);
    await expect(row.getByRole('button', { name: /^(Make|Remove) admin$/ })).toHaveCount(0);
    await expect(row).toContainText('Your account: you cannot disable your own account or change your own role');
  });
});
