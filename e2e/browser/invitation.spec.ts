import { expect, test } from '@playwright/test';
import * as oidc from 'openid-client';
import { completeSignIn, discover } from '../../examples/relying-party';
import { createUser } from '../support/cli';
import { DESKTOP_AGENT } from '../support/desktop-agent';
import { beginBrowserSignIn } from '../support/relying-party';
import { SignInPage } from '../support/sign-in-page';
import { baseURL } from '../support/test-env';
import { choosePassword, createInvitedUser, expireLinks, forgetRequestsFromThisMachine, linkInMail, storedUser, strongPassword, thalamusWith } from '../support/account-links';

// A user an administrator creates without a password gets an invitation to choose one.
// Following the link proves the address, so email_verified becomes true.

const INVITATION_MAIL = /^You have been invited/;

test.beforeEach(() => forgetRequestsFromThisMachine());

test.describe('Invitations', () => {
  test('invited by email → set a password → signed in, with email_verified true', async ({ page }) => {
    const user = createInvitedUser();
    expect(user.delivery).toBe('queued');
    expect(await storedUser(user.email)).toMatchObject({ passwordHash: null, emailVerified: false });

    const link = await linkInMail(user.email, INVITATION_MAIL);
    expect(link).toMatch(new RegExp(`^${baseURL}/invitation\\?token=thlt_`));
    await page.goto(link);
    await expect(page.getByRole('heading', { name: 'Set your password' })).toBeVisible();
    await choosePassword(page, 'short', 'short', 'Set password');
    await expect(page.getByLabel('New password')).toHaveAccessibleDescription('Use at least 12 characters');
    const password = strongPassword();
    await choosePassword(page, password, password, 'Set password');
    await expect(page.getByRole('heading', { name: 'Your password is set' })).toBeVisible();

    const config = await discover(baseURL, DESKTOP_AGENT.clientId);
    const { start, callback } = await beginBrowserSignIn(page, config, DESKTOP_AGENT.redirectUri, 'openid email profile');
    await new SignInPage(page).signIn({ email: user.email, password });
    const tokens = await completeSignIn(config, await callback, start);
    expect(tokens.claims()!.sub).toBe(user.id);
    expect(await oidc.fetchUserInfo(config, tokens.access_token, user.id)).toMatchObject({ email: user.email, email_verified: true, name: 'Grace Hopper' });

    // The invitation was used: opening it again says so and offers a new link.
    await page.goto(link);
    await expect(page.getByRole('heading', { name: 'This link can no longer be used' })).toBeVisible();
  });

  test('without mail the CLI prints the one-time link; a resent invitation retires it', async ({ page }) => {
    const user = createInvitedUser({ mail: false });
    expect(user).toMatchObject({ delivery: 'link', link: expect.stringMatching(/\/invitation\?token=thlt_/) });

    const out = thalamusWith({ SMTP_URL: '' }, 'users', 'invite', user.email);
    expect(out).toContain(`Mail is not configured (SMTP_URL, MAIL_FROM): give ${user.email} this link yourself.`);
    const resent = out.trim().split('\n').at(-1)!;
    await page.goto(user.link!);
    await expect(page.getByRole('heading', { name: 'This link can no longer be used' })).toBeVisible();

    await page.goto(resent);
    const password = strongPassword();
    await choosePassword(page, password, password, 'Set password');
    await expect(page.getByRole('heading', { name: 'Your password is set' })).toBeVisible();
    expect(await storedUser(user.email)).toMatchObject({ emailVerified: true });
  });

  test('an expired invitation gets a clear page with a way to a new link; inviting a user with a password is refused', async ({ page }) => {
    const user = createInvitedUser();
    const link = await linkInMail(user.email, INVITATION_MAIL);
    expect(await expireLinks(user.email)).toBe(1);
    await page.goto(link);
    await expect(page.getByRole('heading', { name: 'This link has expired' })).toBeVisible();
    await expect(page.getByText('Ask your administrator to send a new invitation')).toBeVisible();
    await page.getByRole('link', { name: 'Request a new link' }).click();
    await expect(page.getByRole('heading', { name: 'Forgot your password?' })).toBeVisible();
    expect(await storedUser(user.email)).toMatchObject({ passwordHash: null, emailVerified: false });

    const withPassword = createUser();
    expect(() => thalamusWith({}, 'users', 'invite', withPassword.email)).toThrow(/has set a password already: send a password reset instead/);
  });
});
