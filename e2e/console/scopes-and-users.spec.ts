import { expect, test } from '@playwright/test';
import { createUser } from '../support/cli';

test.describe('OAuth Scopes', () => {
  test('admins add, describe and remove custom scopes; built-in ones are protected', async ({ page }) => {
    await page.goto('/console/scopes');
    await expect(page.getByRole('heading', { name: 'OAuth Scopes' })).toBeVisible();
    await expect(page.getByRole('row', { name: 'openid' }).getByRole('button', { name: 'Remove openid' })).toBeDisabled();

    await page.getByRole('button', { name: 'Add Scope' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Scope Name').fill('invoices:read');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText('Describe what the scope allows')).toBeVisible();
    await dialog.getByLabel('Description').fill('Read your invoices');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('row', { name: 'invoices:read' })).toContainText('Read your invoices');

    await page.getByRole('button', { name: 'Edit invoices:read' }).click();
    await dialog.getByLabel('Description').fill('Read and download your invoices');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByRole('row', { name: 'invoices:read' })).toContainText('Read and download your invoices');

    await page.getByRole('button', { name: 'Remove invoices:read' }).click();
    await expect(page.getByRole('row', { name: 'invoices:read' })).toHaveCount(0);
  });
});

test.describe('Users', () => {
  test('admins find users, disable and enable them, and grant or remove the admin role', async ({ page }) => {
    const user = createUser({ name: 'Katherine Johnson' });
    await page.goto('/console/users');
    // Other tests create users too; the email is this test's own.
    await page.getByRole('searchbox', { name: 'Search' }).fill(user.email);
    const row = page.getByRole('row', { name: user.email });
    await expect(row).toBeVisible();
    await expect(page.getByRole('row')).toHaveCount(2);

    await row.getByRole('button', { name: 'Disable' }).click();
    await expect(row).toContainText('Disabled');
    await row.getByRole('button', { name: 'Enable' }).click();
    await expect(row).toContainText('Active');

    await row.getByRole('button', { name: 'Make admin' }).click();
    await expect(row).toContainText('Admin');
    await row.getByRole('button', { name: 'Remove admin' }).click();
    await expect(row.getByRole('button', { name: 'Make admin' })).toBeVisible();
  });

  test('admins create users; a short password is refused beside the field', async ({ page }) => {
    await page.goto('/console/users');
    await page.getByRole('button', { name: 'Create User' }).click();
    const dialog = page.getByRole('dialog');
    const email = `new-${Date.now()}@example.test`;
    await dialog.getByLabel('Email').fill(email);
    await dialog.getByLabel('Password').fill('short');
    await dialog.getByRole('button', { name: 'Create User' }).click();
    await expect(dialog.getByText('Use at least 12 characters')).toBeVisible();
    await dialog.getByLabel('Password').fill('a much longer password');
    await dialog.getByRole('button', { name: 'Create User' }).click();
    await expect(page.getByRole('row', { name: email })).toBeVisible();
  });
});

test.describe('Organizations', () => {
  test('admins create an organization, put a client in it and filter the client list by it', async ({ page }) => {
    const name = `Northwind ${Date.now()}`;
    await page.goto('/console/organizations');
    await page.getByRole('button', { name: 'Create Organization' }).click();
    await page.getByRole('dialog').getByLabel('Name').fill(name);
    await page.getByRole('dialog').getByRole('button', { name: 'Create Organization' }).click();
    await expect(page.getByRole('list', { name: 'Organizations' })).toContainText(name);

    await page.goto('/console/clients');
    await page.getByRole('button', { name: 'Create Client' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: /Custom Client/ }).click();
    await dialog.getByLabel('Client Name').fill('Northwind Portal');
    await dialog.getByLabel('Organization').selectOption({ label: name });
    await dialog.getByRole('checkbox', { name: 'Authorization Code' }).uncheck();
    await dialog.getByRole('checkbox', { name: 'Client Credentials' }).check();
    await dialog.getByRole('group', { name: 'Scopes' }).getByRole('combobox', { name: 'Scopes' }).fill('clients:read');
    await dialog.getByRole('group', { name: 'Scopes' }).getByRole('button', { name: 'Add' }).click();
    await dialog.getByRole('button', { name: 'Create Client' }).click();
    await dialog.getByRole('button', { name: 'Done' }).click();

    await page.getByLabel('Organization').selectOption({ label: name });
    await expect(page).toHaveURL(/organization_id=/);
    await expect(page.getByRole('row', { name: 'Northwind Portal' })).toBeVisible();
    await expect(page.getByRole('row', { name: 'Admin Client' })).toHaveCount(0);
  });
});
