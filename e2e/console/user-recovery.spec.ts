import { expect, test, type Page } from '@playwright/test';
import { createUser } from '../support/cli';
import { signIn } from '../support/http-sign-in';
import { baseURL } from '../support/test-env';
import { choosePassword, forgetRequestsFromThisMachine, linkInMail, linksInMail, storedUser, strongPassword, uniqueEmail, useUpMailQuota } from '../support/account-links';

// Users › a user's details › Recovery: an administrator sends a password reset, or an
// invitation to someone who has no password yet. The link is emailed (the tests read the
// real SMTP server's mail); when it cannot be, the administrator gets it once to hand over.

const RESET_MAIL = /^Reset your password$/;
const INVITATION_MAIL = /^You have been invited/;

test.beforeEach(() => forgetRequestsFromThisMachine());

async function openDetails(page: Page, email: string) {
  await page.goto(`/console/users?q=${encodeURIComponent(email)}`);
  await page.getByRole('button', { name: `View ${email}` }).click();
  const details = page.getByRole('complementary', { name: 'User Details' });
  await expect(details.getByRole('heading', { name: email })).toBeVisible();
  return details;
}

/** The person follows a link in a browser of their own and chooses a password. */
async function followLink(page: Page, link: string, submit: 'Reset password' | 'Set password'): Promise<string> {
  const person = await page.context().browser()!.newContext();
  const tab = await person.newPage();
  await tab.goto(link);
  const password = strongPassword();
  await choosePassword(tab, password, password, submit);
  await expect(tab.getByRole('heading', { name: submit === 'Set password' ? 'Your password is set' : 'Your password has been changed' })).toBeVisible();
  await person.close();
  return password;
}

test.describe('Users: recovery links', () => {
  test.describe.configure({ timeout: 90_000 });

  test('"Send password reset" emails the person a link that sets a new password; it is in the history', async ({ page }) => {
    const user = createUser();
    const details = await openDetails(page, user.email);
    await details.getByRole('group', { name: 'Recovery' }).getByRole('button', { name: 'Send password reset' }).click();
    await expect(page.getByText(`Password reset email sent to ${user.email}`)).toBeVisible();
    await expect(details.getByRole('region', { name: 'History' })).toContainText('user.password_reset_sent');

    const password = await followLink(page, await linkInMail(user.email, RESET_MAIL), 'Reset password');
    expect(await signIn(baseURL, { email: user.email, password })).toBeTruthy();
  });

  test('a user created without a password is invited; "Resend invitation" retires the first link', async ({ page }) => {
    const email = uniqueEmail('invited');
    await page.goto('/console/users');
    await page.getByRole('button', { name: 'Create User' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create User' });
    await dialog.getByLabel('Email').fill(email);
    await expect(dialog.getByLabel('Password')).toHaveAccessibleDescription(/Leave empty to send an invitation/);
    await dialog.getByRole('button', { name: 'Create User' }).click();
    await expect(page.getByText(`${email} created: invitation sent`)).toBeVisible();
    expect(await storedUser(email)).toMatchObject({ passwordHash: null, emailVerified: false });

    const details = await openDetails(page, email);
    await expect(details.getByRole('button', { name: 'Send password reset' })).toHaveCount(0);
    await details.getByRole('button', { name: 'Resend invitation' }).click();
    await expect(page.getByText(`Invitation sent to ${email}`)).toBeVisible();
    const [first, newest] = await linksInMail(email, INVITATION_MAIL, 2);

    const person = await page.context().browser()!.newContext();
    const tab = await person.newPage();
    await tab.goto(first!);
    await expect(tab.getByRole('heading', { name: 'This link can no longer be used' })).toBeVisible();
    await person.close();
    const password = await followLink(page, newest!, 'Set password');
    expect(await storedUser(email)).toMatchObject({ emailVerified: true });
    expect(await signIn(baseURL, { email, password })).toBeTruthy();

    // Once the person has a password, recovery is a password reset.
    await page.reload();
    await expect(details.getByRole('button', { name: 'Send password reset' })).toBeVisible();
  });

  test('when the email cannot go out the administrator gets the one-time link, once', async ({ page }) => {
    const user = createUser();
    await useUpMailQuota(user.email);
    const details = await openDetails(page, user.email);
    await details.getByRole('button', { name: 'Send password reset' }).click();
    const shown = page.getByRole('dialog', { name: 'Password reset link' });
    await expect(shown).toContainText(`${user.email} received too many emails in the last hour, so nothing was sent.`);
    await expect(shown).toContainText('It works once, for 30 minutes');
    const link = await shown.getByRole('textbox', { name: 'One-time link' }).inputValue();
    expect(link).toMatch(new RegExp(`^${baseURL}/password/reset\\?token=thlt_`));
    await shown.getByRole('button', { name: 'Done' }).click();
    await expect(shown).toBeHidden();

    const password = await followLink(page, link, 'Reset password');
    expect(await signIn(baseURL, { email: user.email, password })).toBeTruthy();
  });

  test('a disabled account is offered no link, and says why', async ({ page }) => {
    const user = createUser();
    const details = await openDetails(page, user.email);
    await details.getByRole('button', { name: 'Disable' }).click();
    await page
      .getByRole('dialog', { name: `Disable ${user.email}?` })
      .getByRole('button', { name: 'Disable' })
      .click();
    await expect(details).toContainText('Disabled');
    await expect(details.getByRole('group', { name: 'Recovery' })).toContainText('No recovery links');
    await expect(details.getByRole('button', { name: 'Send password reset' })).toHaveCount(0);
  });
});
