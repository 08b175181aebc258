import { expect, test } from '@playwright/test';
import { createUser } from '../support/cli';
import { baseURL } from '../support/test-env';
import { AccountPage, accountInNewBrowser, disableAccount, sessionCount } from '../support/account-page';
import { refreshWith, signIn, startSignIn, submitPassword } from '../support/http-sign-in';
import { SignInPage } from '../support/sign-in-page';
import { authenticatorCode } from '../support/totp';
import { waitForMail } from '../support/mailbox';
import { expectNoSeriousAxeViolations } from '../support/accessibility';
import { randomBytes } from 'node:crypto';

const FIREFOX_ON_LINUX = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';

test.describe('The account page (/account)', () => {
  test('is reached through the hosted sign-in and changes the profile', async ({ page }) => {
    const user = createUser({ name: 'Ada Lovelace' });
    const account = new AccountPage(page);
    await page.goto('/account');
    // The sign-in is the console client's by protocol, but says where the person is going.
    await expect(page.getByText('to continue to your Thalamus account')).toBeVisible();
    await account.open(user);
    await expect(page).toHaveURL(`${baseURL}/account`);

    const profile = account.section('Profile');
    await expect(profile.getByLabel('Name', { exact: true })).toHaveValue('Ada Lovelace');
    await profile.getByLabel('Picture URL').fill('javascript:alert(1)');
    await profile.getByRole('button', { name: 'Save profile' }).click();
    await expect(profile.getByText('Use an https:// URL (http:// only for localhost)')).toBeVisible();

    await profile.getByLabel('Name', { exact: true }).fill('Ada King');
    await profile.getByLabel('Picture URL').fill('');
    await profile.getByRole('button', { name: 'Save profile' }).click();
    await expect(profile.getByRole('status')).toHaveText('Profile saved.');
    await page.reload();
    await expect(account.section('Profile').getByLabel('Name', { exact: true })).toHaveValue('Ada King');
  });

  test('changes the password: the old one is refused, the new one works, other sessions end, this one stays', async ({ page, browser }) => {
    const user = createUser();
    const account = new AccountPage(page);
    await account.open(user);
    const other = await accountInNewBrowser(browser, user);

    await account.changePassword('not my password', 'a brand new passphrase 42');
    await expect(account.section('Change password').getByText('That password is not correct')).toBeVisible();
    await account.changePassword(user.password, 'password1234');
    await expect(account.section('Change password').getByText(/too common/)).toBeVisible();

    const next = 'a brand new passphrase 42';
    await account.changePassword(user.password, next);
    await expect(account.section('Change password').getByRole('status')).toHaveText('Password changed. 1 other session(s) signed out.');

    await other.account.expectSignedOut();
    await other.context.close();
    await page.reload();
    await account.expectSignedIn();
    await expect(account.section('Security activity').getByText('Password changed')).toBeVisible();

    const withOld = await submitPassword(await startSignIn(baseURL), user);
    expect(withOld.continueAt).toBeUndefined();
    expect(withOld.html).toContain('Incorrect email or password.');
    expect(await signIn(baseURL, { email: user.email, password: next })).toBeTruthy();
  });

  test('turns two-step verification on; the next sign-in asks for a code', async ({ page, browser }) => {
    const user = createUser();
    const account = new AccountPage(page);
    await account.open(user);
    const twoStep = account.section('Two-step verification');
    await twoStep.getByRole('button', { name: 'Set up two-step verification' }).click();
    await expect(twoStep.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
    const setupKey = (await twoStep.getByLabel('Setup key').textContent())!;
    await twoStep.getByLabel('Authentication code').fill('000000');
    await twoStep.getByRole('button', { name: 'Turn on two-step verification' }).click();
    await expect(twoStep.getByText('That code is not valid')).toBeVisible();
    await twoStep.getByLabel('Authentication code').fill(authenticatorCode(setupKey));
    await twoStep.getByRole('button', { name: 'Turn on two-step verification' }).click();
    await expect(twoStep.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem')).toHaveCount(10);
    await twoStep.getByRole('link', { name: 'I have saved my recovery codes' }).click();
    await expect(account.section('Two-step verification').getByRole('button', { name: 'Turn off two-step verification' })).toBeVisible();

    const context = await browser.newContext();
    const second = await context.newPage();
    await second.goto('/account');
    await new SignInPage(second).signIn(user);
    await expect(second.getByRole('heading', { name: 'Two-step verification' })).toBeVisible();
    await new SignInPage(second).enterCode(authenticatorCode(setupKey, 1));
    await new AccountPage(second).expectSignedIn();
    await context.close();
  });

  test('removes a connected app: its refresh token no longer works', async ({ page }) => {
    const user = createUser();
    const refreshToken = await signIn(baseURL, user); // the Thalamus Mobile App
    const account = new AccountPage(page);
    await account.open(user);
    const apps = account.section('Connected apps');
    const app = apps.getByRole('listitem', { name: 'Thalamus Mobile App' });
    await expect(app.getByRole('list', { name: 'What Thalamus Mobile App may do' })).toContainText('(profile)');
    await app.getByRole('button', { name: 'Remove access for Thalamus Mobile App' }).click();
    await expect(apps.getByRole('status')).toHaveText('Access removed.');
    await expect(apps.getByText('No applications have access to your account.')).toBeVisible();

    const refreshed = await refreshWith(baseURL, refreshToken);
    expect(refreshed.status).toBe(400);
    expect(((await refreshed.json()) as { error: string }).error).toBe('invalid_grant');
  });

  test('signs out another session: the other browser must sign in again, this one stays', async ({ page, browser }) => {
    const user = createUser();
    const account = new AccountPage(page);
    await account.open(user);
    const other = await accountInNewBrowser(browser, user, { userAgent: FIREFOX_ON_LINUX });
    await page.reload();

    const sessions = account.section('Sessions').getByRole('list', { name: 'Signed-in sessions' }).getByRole('listitem');
    await expect(sessions).toHaveCount(2);
    // This browser first (Playwright's Desktop Chrome says Chrome on Windows), then the other one.
    await expect(sessions.first()).toContainText('Chrome on WindowsThis device');
    await expect(sessions.nth(1)).toContainText('Firefox on Linux');
    await expect(sessions.nth(1)).toContainText(/127\.0\.0\.1 · Last seen \w+ \d+, \d{4}/);
    await expect(sessions.filter({ hasText: 'This device' })).toHaveCount(1);
    await account.section('Sessions').getByRole('button', { name: 'Sign out everywhere else' }).click();
    await expect(account.section('Sessions').getByRole('status')).toHaveText('Signed out of 1 other session(s).');

    await other.account.expectSignedOut();
    await other.context.close();
    await page.reload();
    await expect(sessions).toHaveCount(1);
  });

  test('an unverified address is verified by a link sent to it; email_verified follows', async ({ page, browser }) => {
    const user = createUser({ verified: false });
    const account = new AccountPage(page);
    await account.open(user);
    const email = account.section('Email');
    await expect(email).toContainText(`${user.email} (not verified)`);
    const verifyForm = email.getByRole('form', { name: 'Verify this address' });
    await verifyForm.getByRole('button', { name: 'Verify this address' }).click();
    await expect(verifyForm.getByRole('status')).toHaveText(`We sent a link to ${user.email}. Open it to confirm the address.`);

    const mail = await waitForMail(user.email, { subject: /^Confirm your email address$/ });
    const context = await browser.newContext();
    const verify = await context.newPage();
    await verify.goto(mail.links.find((url) => url.includes('/account/verify-email?token='))!);
    await verify.getByRole('button', { name: 'Confirm email address' }).click();
    await expect(verify.getByRole('status')).toHaveText(`Your email address is now ${user.email}.`);
    await context.close();
    await page.reload();
    await expect(account.section('Email')).toContainText(`${user.email} (verified)`);
    await expect(account.section('Email').getByRole('button', { name: 'Verify this address' })).toHaveCount(0);
  });

  test('changes the email address through a link sent to the new address; the old address is told', async ({ page, browser }) => {
    const user = createUser();
    const taken = createUser();
    const next = `moved-${randomBytes(6).toString('hex')}@example.test`;
    const account = new AccountPage(page);
    await account.open(user);
    const email = account.section('Email');
    await expect(email).toContainText(`${user.email} (verified)`);

    await email.getByLabel('New email address').fill(taken.email);
    await email.getByLabel('Current password').fill(user.password);
    await email.getByRole('button', { name: 'Send verification link' }).click();
    await expect(email.getByText('Another account uses this address')).toBeVisible();

    await email.getByLabel('New email address').fill(next);
    await email.getByLabel('Current password').fill('not my password');
    await email.getByRole('button', { name: 'Send verification link' }).click();
    await expect(email.getByText('That password is not correct')).toBeVisible();

    await email.getByLabel('Current password').fill(user.password);
    await email.getByRole('button', { name: 'Send verification link' }).click();
    await expect(email.getByRole('status')).toHaveText(`We sent a link to ${next}. Your address changes when you open it.`);
    await page.reload();
    await expect(account.section('Email')).toContainText(user.email); // nothing changes until the link is used

    const mail = await waitForMail(next, { subject: /Confirm your new email address/ });
    const link = mail.links.find((url) => url.includes('/account/verify-email?token='))!;
    // Another browser (the mail app's, say): the link itself is the proof.
    const context = await browser.newContext();
    const verify = await context.newPage();
    await verify.goto(link);
    await verify.getByRole('button', { name: 'Confirm email address' }).click();
    await expect(verify.getByRole('status')).toHaveText(`Your email address is now ${next}.`);
    await verify.goto(link);
    await expect(verify.getByRole('heading', { name: 'This link does not work' })).toBeVisible();
    await context.close();

    const notice = await waitForMail(user.email, { subject: /Your email address was changed/ });
    expect(notice.text).toContain(next);
    await page.reload();
    await expect(account.section('Email')).toContainText(`${next} (verified)`);
    expect(await signIn(baseURL, { email: next, password: user.password })).toBeTruthy();
  });

  test('passes axe, also showing errors and the two-step set-up, and fits a phone screen', async ({ page }) => {
    const user = createUser();
    const account = new AccountPage(page);
    await account.open(user);
    await expectNoSeriousAxeViolations(page, '/account');
    await account.changePassword('not my password', 'short');
    await expect(account.section('Change password').getByText('Use at least 12 characters')).toBeVisible();
    await account.section('Two-step verification').getByRole('button', { name: 'Set up two-step verification' }).click();
    await expect(account.section('Two-step verification').getByLabel('Setup key')).toBeVisible();
    await expectNoSeriousAxeViolations(page, '/account with errors and the set-up');

    await page.setViewportSize({ width: 360, height: 740 });
    await page.reload();
    await account.expectSignedIn();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test('a disabled account is signed out of the account page', async ({ page }) => {
    const user = createUser();
    const account = new AccountPage(page);
    await account.open(user);
    expect(await sessionCount(user.id)).toBe(1);
    await disableAccount(user.id);
    await account.expectSignedOut();
    expect(await sessionCount(user.id)).toBe(0);
  });

  test('"Sign out" ends this browser\'s session; the hosted pages link to the account page', async ({ page }) => {
    const user = createUser();
    const account = new AccountPage(page);
    await account.open(user);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'You are signed out' })).toBeVisible();
    expect(await sessionCount(user.id)).toBe(0);
    // The account pages get the pages' policy: a nonce for scripts, forms only to this site, never framed.
    const policy = (await page.request.get('/account/signed-out')).headers()['content-security-policy'];
    expect(policy).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(policy).toContain("form-action 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    await page.getByRole('link', { name: 'Sign in to your account' }).click();
    await new SignInPage(page).expectVisible();
    await expect(page.getByRole('link', { name: 'Manage your account' })).toBeVisible();
  });
});
