import { expect, test, type Page } from '@playwright/test';
import { createUser, thalamus, type TestUser } from '../support/cli';
import { forgetAddressAttempts } from '../support/database';
import { signIn, startSignIn, submitPassword } from '../support/http-sign-in';
import { SignInPage } from '../support/sign-in-page';
import { baseURL } from '../support/test-env';

/** Users › a user's details, opened from their row. */
async function openDetails(page: Page, user: { email: string }) {
  // The search as a link gives it (typing one is covered by the other Users tests).
  await page.goto(`/console/users?q=${encodeURIComponent(user.email)}`);
  await page
    .getByRole('row', { name: user.email })
    .getByRole('button', { name: `View ${user.email}` })
    .click();
  await expect(page).toHaveURL(/[?&]user=usr_/);
  const details = page.getByRole('complementary', { name: 'User Details' });
  await expect(details.getByRole('heading', { name: user.email })).toBeVisible();
  return details;
}

const confirmIn = (page: Page, title: string, button: string) => page.getByRole('dialog', { name: title }).getByRole('button', { name: button }).click();

test.describe('Users: administration', () => {
  test.describe.configure({ timeout: 90_000 });

  test('admins edit a user’s email and settings, disable and enable them; each change is in the history', async ({ page }) => {
    const user = createUser({ name: 'Dorothy Vaughan' });
    const details = await openDetails(page, user);
    await details.getByRole('button', { name: 'Edit User' }).click();
    const dialog = page.getByRole('dialog', { name: `Edit ${user.email}` });
    const taken = createUser();
    await dialog.getByLabel('Email', { exact: true }).fill(taken.email);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog.getByText('This email is already registered')).toBeVisible();
    const email = `dorothy-${user.id.toLowerCase()}@example.test`;
    await dialog.getByLabel('Email', { exact: true }).fill(email.toUpperCase());
    await dialog.getByRole('switch', { name: 'Require two-step verification' }).click();
    await dialog.getByRole('button', { name: 'Save' }).click();
    await expect(dialog).toBeHidden();
    await expect(details.getByRole('heading', { name: email })).toBeVisible();
    await expect(details).toContainText('Required at next sign-in');
    await expect(details.getByRole('region', { name: 'History' })).toContainText('user.updated');

    await details.getByRole('button', { name: 'Disable' }).click();
    await confirmIn(page, `Disable ${email}?`, 'Disable');
    await expect(details).toContainText('Disabled');
    await expect(details.getByRole('region', { name: 'History' })).toContainText('user.disabled');
    await expect(details.getByRole('region', { name: 'Security events' })).toContainText('Account disabled');
    await details.getByRole('button', { name: 'Enable' }).click();
    await expect(details.getByRole('region', { name: 'History' })).toContainText('user.enabled');
  });

  test('admins unlock a locked account and revoke its sessions; the details list sessions, connected apps and security events', async ({ page }) => {
    const user = createUser();
    try {
      await signIn(baseURL, user);
      for (let i = 0; i < 5; i++) await submitPassword(await startSignIn(baseURL), { email: user.email, password: 'not the password' });
      const details = await openDetails(page, user);
      await expect(page.getByRole('row', { name: user.email })).toContainText('Locked');
      await expect(details.getByRole('list', { name: 'Sessions' }).getByRole('listitem')).toHaveCount(1);
      await expect(details.getByRole('list', { name: 'Connected apps' })).toContainText('Thalamus Mobile App');
      const events = details.getByRole('region', { name: 'Security events' });
      await expect(events).toContainText('Signed in');
      await expect(events).toContainText('Sign-in failed');

      await details.getByRole('button', { name: 'Unlock' }).click();
      await expect(details.getByRole('button', { name: 'Unlock' })).toHaveCount(0);
      await expect(details.getByRole('region', { name: 'History' })).toContainText('user.unlocked');
      expect((await submitPassword(await startSignIn(baseURL), user)).continueAt).toBeDefined();

      await details.getByRole('button', { name: 'Revoke all sessions' }).click();
      await confirmIn(page, `Sign ${user.email} out everywhere?`, 'Revoke all sessions');
      await expect(details).toContainText('Not signed in anywhere.');
      await expect(details.getByRole('region', { name: 'History' })).toContainText('user.sessions_revoked');
      await expect(events).toContainText('Sessions revoked');
    } finally {
      await forgetAddressAttempts();
    }
  });

  test('admins delete a user after confirming; cancelling keeps them', async ({ page }) => {
    const user = createUser();
    const details = await openDetails(page, user);
    await details.getByRole('button', { name: 'Delete' }).click();
    await page
      .getByRole('dialog', { name: `Delete ${user.email}?` })
      .getByRole('button', { name: 'Cancel' })
      .click();
    await expect(details).toBeVisible();
    await details.getByRole('button', { name: 'Delete' }).click();
    await confirmIn(page, `Delete ${user.email}?`, 'Delete');
    await expect(details).toBeHidden();
    await expect(page.getByRole('cell', { name: `No user matches “${user.email}”.` })).toBeVisible();

    await page.goto(`/console/audit?target_type=user&target_id=${user.id}`);
    await expect(page.getByRole('list', { name: 'Audit events' })).toContainText('user.deleted');
  });

  test('the Audit Log’s Security events view shows a failed and a successful sign-in, filtered by user and type', async ({ page }) => {
    const user = createUser();
    await submitPassword(await startSignIn(baseURL), { email: user.email, password: 'not the password' });
    await signIn(baseURL, user);
    await page.goto('/console/audit');
    await page.getByRole('navigation', { name: 'Audit Log views' }).getByRole('link', { name: 'Security events' }).click();
    await page.getByLabel('User', { exact: true }).fill(user.email);
    await page.getByRole('button', { name: 'Filter' }).click();
    const events = page.getByRole('list', { name: 'Security events' });
    await expect(events.getByRole('listitem')).toHaveCount(2);
    await expect(events.getByRole('listitem').nth(0)).toContainText('Signed in');
    await expect(events.getByRole('listitem').nth(1)).toContainText('Sign-in failed');
    await events.getByRole('listitem').nth(0).getByText('Signed in').click();
    await expect(events.getByRole('listitem').nth(0)).toContainText('thalamus-mobile-app');

    await page.getByRole('combobox', { name: 'Event' }).selectOption({ label: 'Sign-in failed' });
    await page.getByRole('button', { name: 'Filter' }).click();
    await expect(events.getByRole('listitem')).toHaveCount(1);
    await expect(events).toContainText('Sign-in failed');
  });

  test('an administrator whose sessions are revoked loses the console at once', async ({ page, browser }) => {
    test.slow();
    const password = `pw-${Date.now()}-console`;
    const admin: TestUser = {
      ...(JSON.parse(thalamus('admins', 'create', '--email', `revoked-admin-${Date.now()}@example.test`, '--password', password, '--json')) as TestUser),
      password,
    };
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const adminPage = await context.newPage();
    await adminPage.goto('/console');
    await new SignInPage(adminPage).signIn(admin);
    await expect(adminPage.getByRole('heading', { name: 'Overview' })).toBeVisible();

    const details = await openDetails(page, admin);
    await details.getByRole('button', { name: 'Revoke all sessions' }).click();
    await confirmIn(page, `Sign ${admin.email} out everywhere?`, 'Revoke all sessions');
    await expect(details).toContainText('Not signed in anywhere.');

    // Their console cookie is still there, but the sign-in it came from is gone.
    await adminPage.goto('/console/users');
    await new SignInPage(adminPage).expectVisible();
    await context.close();
  });
});
