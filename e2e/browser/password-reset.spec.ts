import { expect, test } from '@playwright/test';
import { completeSignIn, discover } from '../../examples/relying-party';
import { createUser, thalamus } from '../support/cli';
import { desktopSignIn, DESKTOP_AGENT } from '../support/desktop-agent';
import { beginBrowserSignIn } from '../support/relying-party';
import { SignInPage } from '../support/sign-in-page';
import { baseURL } from '../support/test-env';
import { receivedMail, waitForMail } from '../support/mailbox';
import { expectNoSeriousAxeViolations } from '../support/accessibility';
import {
  askForResetLink,
  choosePassword,
  disableUser,
  expireLinks,
  forgetRequestsFromThisMachine,
  linkInMail,
  linksInMail,
  mailQueuedFor,
  resetRequestOutcomes,
  storedUser,
  strongPassword,
  thalamusWith,
  uniqueEmail,
} from '../support/account-links';

// "Forgot password?": the hosted sign-in page → an email from the real SMTP server the
// tests run → the link → a new password. The link's token is single-use, lives 30 minutes
// and only the newest one works.

const RESET_MAIL = /^Reset your password$/;

test.beforeEach(() => forgetRequestsFromThisMachine());

test.describe('Forgotten passwords', () => {
  test('forgot → email → new password: signed in with it, the old one refused, every other session signed out', async ({ page, browser }) => {
    test.slow(); // two browsers, two sign-ins, a reset
    const user = createUser();
    // Another browser where the person is signed in already (single sign-on session).
    const elsewhere = await browser.newContext();
    const otherPage = await elsewhere.newPage();
    const before = await desktopSignIn(otherPage, user);
    expect(before.callback.searchParams.get('code')).toBeTruthy();

    const config = await discover(baseURL, DESKTOP_AGENT.clientId);
    const { start, callback } = await beginBrowserSignIn(page, config, DESKTOP_AGENT.redirectUri);
    const signIn = new SignInPage(page);
    await signIn.expectVisible();
    const interaction = new URL(page.url()).pathname;
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await expect(page).toHaveURL(`${baseURL}/password/forgot?return=${encodeURIComponent(interaction)}`);
    await askForResetLink(page, user.email);

    const link = await linkInMail(user.email, RESET_MAIL);
    expect(link).toMatch(new RegExp(`^${baseURL}/password/reset\\?token=thlt_[\\w-]+&return=`));
    const opened = await page.goto(link);
    // The token is in the URL: nothing the page loads or links to may carry it off.
    expect(opened!.headers()['referrer-policy']).toBe('strict-origin');
    await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
    await expect(page.getByText(`For ${user.email}.`)).toBeVisible();
    const newPassword = strongPassword();
    await choosePassword(page, newPassword);
    await expect(page.getByRole('heading', { name: 'Your password has been changed' })).toBeVisible();
    await waitForMail(user.email, { subject: /^Your password was changed$/ });

    // Back to the sign-in the person came from.
    await page.getByRole('link', { name: 'Sign in' }).click();
    await expect(page).toHaveURL(`${baseURL}${interaction}`);
    await signIn.signIn(user);
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Incorrect email or password.');
    await signIn.signIn({ email: user.email, password: newPassword });
    const tokens = await completeSignIn(config, await callback, start);
    expect(tokens.claims()!.sub).toBe(user.id);

    // The other browser's session ended: a new authorization request asks for the password.
    await beginBrowserSignIn(otherPage, config, DESKTOP_AGENT.redirectUri);
    await new SignInPage(otherPage).expectVisible();
    await elsewhere.close();
  });

  test('an unknown account gets the same page, and no email is sent', async ({ page }) => {
    const user = createUser();
    const unknown = uniqueEmail('nobody');
    await page.goto('/password/forgot');
    await askForResetLink(page, user.email);
    const known = await page.getByRole('main').innerText();

    await page.goto('/password/forgot');
    await askForResetLink(page, unknown);
    expect(await page.getByRole('main').innerText()).toBe(known);
    await waitForMail(user.email, { subject: RESET_MAIL });

    // The request was handled (its security event is there), and nothing went out.
    expect(await resetRequestOutcomes(unknown, 1)).toEqual(['unknown_account']);
    expect(await mailQueuedFor(unknown)).toBe(0);
    expect(receivedMail(unknown)).toEqual([]);
  });

  test('a disabled account gets the same page, and no email is sent', async ({ page }) => {
    const user = createUser();
    await disableUser(user.email);

    await page.goto('/password/forgot');
    await askForResetLink(page, user.email);
    expect(await resetRequestOutcomes(user.email, 1)).toEqual(['disabled']);
    expect(await mailQueuedFor(user.email)).toBe(0);
  });

  test('a reset requested twice: only the newest link works', async ({ page }) => {
    const user = createUser();
    await page.goto('/password/forgot');
    await askForResetLink(page, user.email);
    await linksInMail(user.email, RESET_MAIL, 1);
    await page.goto('/password/forgot');
    await askForResetLink(page, user.email);
    const [first, second] = await linksInMail(user.email, RESET_MAIL, 2);

    await page.goto(first!);
    await expect(page.getByRole('heading', { name: 'This link can no longer be used' })).toBeVisible();
    await expect(page.getByText('a newer link was sent since')).toBeVisible();
    await expect(page.getByRole('link', { name: 'Request a new link' })).toHaveAttribute('href', '/password/forgot');
    await expect(page).toHaveTitle('Password reset · Thalamus'); // streamed after the page
    await expectNoSeriousAxeViolations(page, 'the used-link page');

    await page.goto(second!);
    await choosePassword(page, strongPassword());
    await expect(page.getByRole('heading', { name: 'Your password has been changed' })).toBeVisible();
  });

  test('altered, used and expired links get a clear page, and change nothing', async ({ page }) => {
    const user = createUser();
    const { passwordHash } = await storedUser(user.email);
    await page.goto('/password/forgot');
    await askForResetLink(page, user.email);
    const link = await linkInMail(user.email, RESET_MAIL);

    const altered = link.replace(/token=thlt_(.)/, (_, c: string) => `token=thlt_${c === 'A' ? 'B' : 'A'}`);
    await page.goto(altered);
    await expect(page.getByRole('heading', { name: 'This link is not valid' })).toBeVisible();
    await page.goto('/password/reset');
    await expect(page.getByRole('heading', { name: 'This link is not valid' })).toBeVisible();

    // The link expires while its page is open: the form says so, nothing changes.
    await page.goto(link);
    await expect(page.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
    expect(await expireLinks(user.email)).toBe(1);
    await choosePassword(page, strongPassword());
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('This link has expired.');
    await page.goto(link);
    await expect(page.getByRole('heading', { name: 'This link has expired' })).toBeVisible();
    expect((await storedUser(user.email)).passwordHash).toBe(passwordHash);

    // "Request a new link" → a fresh link, used once; a second use is refused.
    await page.getByRole('link', { name: 'Request a new link' }).click();
    await askForResetLink(page, user.email);
    const [, fresh] = await linksInMail(user.email, RESET_MAIL, 2);
    await page.goto(fresh!);
    await choosePassword(page, strongPassword());
    await expect(page.getByRole('heading', { name: 'Your password has been changed' })).toBeVisible();
    const changed = (await storedUser(user.email)).passwordHash;
    await page.goto(fresh!);
    await expect(page.getByRole('heading', { name: 'This link can no longer be used' })).toBeVisible();
    expect((await storedUser(user.email)).passwordHash).toBe(changed);
  });

  test('a weak password and a mismatch get field errors', async ({ page }) => {
    const user = createUser();
    await page.goto('/password/forgot');
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await expect(page.getByLabel('Email')).toHaveAccessibleDescription('Enter your email');
    await expect(page).toHaveTitle('Forgot password · Thalamus'); // streamed after the page
    await expectNoSeriousAxeViolations(page, 'the forgot-password page with a field error');
    await askForResetLink(page, user.email);
    await expect(page).toHaveTitle('Check your email · Thalamus'); // streamed after the page
    await expectNoSeriousAxeViolations(page, 'the check-your-email page');
    await page.goto(await linkInMail(user.email, RESET_MAIL));

    const newPassword = page.getByLabel('New password');
    await choosePassword(page, 'short');
    await expect(newPassword).toHaveAccessibleDescription('Use at least 12 characters');
    await choosePassword(page, 'password1234!');
    await expect(newPassword).toHaveAccessibleDescription(/too common/);
    await choosePassword(page, strongPassword(), 'something else entirely');
    await expect(page.getByLabel('Confirm password')).toHaveAccessibleDescription('The passwords do not match');
    await expect(page).toHaveTitle('Password reset · Thalamus'); // streamed after the page
    await expectNoSeriousAxeViolations(page, 'the new-password page with a field error');
    await expect(newPassword).not.toHaveAttribute('aria-invalid');

    const password = strongPassword();
    await choosePassword(page, password);
    await expect(page.getByRole('heading', { name: 'Your password has been changed' })).toBeVisible();
    // Without a sign-in to return to, "Sign in" leads to the account page.
    await expect(page.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/account');
    await expect(page).toHaveTitle('Password changed · Thalamus'); // streamed after the page
    await expectNoSeriousAxeViolations(page, 'the password-changed page');
  });

  test('works without JavaScript: plain form posts all the way', async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const user = createUser();
    await page.goto('/password/forgot');
    await askForResetLink(page, user.email);
    await page.goto(await linkInMail(user.email, RESET_MAIL));
    await choosePassword(page, 'short');
    await expect(page.getByLabel('New password')).toHaveAccessibleDescription('Use at least 12 characters');
    await choosePassword(page, strongPassword());
    await expect(page.getByRole('heading', { name: 'Your password has been changed' })).toBeVisible();
    await context.close();
  });

  test('`users reset-password` emails the link, or prints it when mail is not configured', async ({ page }) => {
    const user = createUser();
    expect(thalamus('users', 'reset-password', user.email)).toContain(`Sent a password reset link to ${user.email}\n`);
    await linkInMail(user.email, RESET_MAIL);

    const printed = JSON.parse(thalamusWith({ SMTP_URL: '' }, 'users', 'reset-password', user.email, '--json')) as { delivery: string; reason: string; link: string };
    expect(printed).toMatchObject({ id: user.id, email: user.email, delivery: 'link', reason: 'not_configured' });
    // The printed link is the only working one now: the emailed one was retired.
    await page.goto(printed.link);
    await choosePassword(page, strongPassword());
    await expect(page.getByRole('heading', { name: 'Your password has been changed' })).toBeVisible();
  });
});
