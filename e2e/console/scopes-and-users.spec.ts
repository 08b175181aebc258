import { expect, test } from '@playwright/test';
import { discover } from '../../examples/relying-party';
import { createUser } from '../support/cli';
import { ClientsPage, columnCell } from '../support/console';
import { DESKTOP_AGENT } from '../support/desktop-agent';
import { startSignIn, submitPassword } from '../support/http-sign-in';
import { beginBrowserSignIn } from '../support/relying-party';
import { SignInPage } from '../support/sign-in-page';
import { baseURL } from '../support/test-env';

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

    // A disabled user's sign-in is refused like a wrong password; enabled again, it goes through.
    await row.getByRole('button', { name: 'Disable' }).click();
    await page
      .getByRole('dialog', { name: `Disable ${user.email}?` })
      .getByRole('button', { name: 'Disable' })
      .click();
    await expect(row).toContainText('Disabled');
    const refused = await submitPassword(await startSignIn(baseURL), user);
    expect(refused.continueAt).toBeUndefined();
    expect(refused.html).toContain('Incorrect email or password.');
    await row.getByRole('button', { name: 'Enable' }).click();
    await expect(row).toContainText('Active');
    expect((await submitPassword(await startSignIn(baseURL), user)).continueAt).toBeDefined();

    await row.getByRole('button', { name: 'Make admin' }).click();
    await page
      .getByRole('dialog', { name: `Make ${user.email} an admin?` })
      .getByRole('button', { name: 'Make admin' })
      .click();
    await expect(row).toContainText('Admin');
    await row.getByRole('button', { name: 'Remove admin' }).click();
    await page
      .getByRole('dialog', { name: `Remove the admin role from ${user.email}?` })
      .getByRole('button', { name: 'Remove admin' })
      .click();
    await expect(row.getByRole('button', { name: 'Make admin' })).toBeVisible();
  });

  test('admins reset a user’s two-step verification: the user sets it up again at the next sign-in', async ({ page, browser }) => {
    // Two sign-ins in their own browsers, one with enrollment: on a loaded machine it nears 30 s.
    test.slow();
    const user = createUser({ requireMfa: true });
    const signInToDesktopAgent = async () => {
      const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
      const userPage = await context.newPage();
      const { callback } = await beginBrowserSignIn(userPage, await discover(baseURL, DESKTOP_AGENT.clientId), DESKTOP_AGENT.redirectUri);
      await new SignInPage(userPage).signIn(user);
      return { context, userPage, callback };
    };
    const enrolled = await signInToDesktopAgent();
    await new SignInPage(enrolled.userPage).enrollAuthenticator();
    expect((await enrolled.callback).searchParams.get('code')).toBeTruthy();
    await enrolled.context.close();

    await page.goto('/console/users');
    await page.getByRole('searchbox', { name: 'Search' }).fill(user.email);
    const row = page.getByRole('row', { name: user.email });
    await expect(await columnCell(page.getByRole('table'), user.email, 'Two-step')).toHaveText('On');
    await row.getByRole('button', { name: 'Reset MFA' }).click();
    await page
      .getByRole('dialog', { name: `Reset two-step verification for ${user.email}?` })
      .getByRole('button', { name: 'Reset two-step verification' })
      .click();
    await expect(await columnCell(page.getByRole('table'), user.email, 'Two-step')).toHaveText('Required');
    await expect(row.getByRole('button', { name: 'Reset MFA' })).toHaveCount(0);

    // Password accepted, then enrollment again, not a challenge for the old authenticator.
    const next = await signInToDesktopAgent();
    await expect(next.userPage.getByRole('heading', { name: 'Set up two-step verification' })).toBeVisible();
    await next.context.close();
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
    await new ClientsPage(page).finishSecretDialog();

    // The Organization filter counts each organization's clients: this one has one.
    await page
      .getByRole('group', { name: 'Filters' })
      .getByLabel('Organization')
      .selectOption({ label: `${name} (1)` });
    await expect(page).toHaveURL(/organization_id=/);
    await expect(page.getByRole('row', { name: 'Northwind Portal' })).toBeVisible();
    await expect(page.getByRole('row', { name: 'Admin Client' })).toHaveCount(0);
  });
});
