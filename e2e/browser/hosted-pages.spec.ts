import { expect, test } from '@playwright/test';
import { discover } from '../../examples/relying-party';
import { createUser } from '../support/cli';
import { baseURL } from '../support/test-env';
import { beginBrowserSignIn } from '../support/relying-party';
import { SignInPage } from '../support/sign-in-page';

const redirectUri = 'http://127.0.0.1:53682/callback';

test.describe('Hosted pages', () => {
  test('sign-in pages cannot be framed by another site', async ({ page }) => {
    const config = await discover(baseURL, 'thalamus-desktop-agent');
    await beginBrowserSignIn(page, config, redirectUri);
    const response = await page.reload();
    expect(response?.headers()['x-frame-options']).toBe('DENY');
    expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response?.headers()['referrer-policy']).toBe('same-origin');
  });

  test('an expired or unknown sign-in link says so instead of failing', async ({ page }) => {
    await page.goto('/interaction/this-interaction-does-not-exist');
    await expect(page.getByRole('heading', { name: 'This sign-in request has expired' })).toBeVisible();
  });

  test('an unknown client gets a readable error page', async ({ page }) => {
    const response = await page.goto('/oauth/authorize?client_id=no-such-client&response_type=code&scope=openid&redirect_uri=https%3A%2F%2Fx.example%2Fcb');
    expect(response?.status()).toBe(400);
    await expect(page.getByRole('heading', { name: 'We could not complete this sign-in request' })).toBeVisible();
    await expect(page.getByText('invalid_client')).toBeVisible();
  });

  test('after five wrong passwords the account is locked for a while, even for the right password', async ({ page }) => {
    const user = createUser();
    const config = await discover(baseURL, 'thalamus-desktop-agent');
    await beginBrowserSignIn(page, config, redirectUri);
    const signIn = new SignInPage(page);
    const alert = page.getByRole('main').getByRole('alert');
    for (let attempt = 1; attempt <= 5; attempt++) {
      await signIn.signIn({ email: user.email, password: `wrong-${attempt}` });
      await expect(alert).toHaveText('Incorrect email or password.');
      await expect(page.getByLabel('Password')).toHaveValue('');
    }
    await signIn.signIn(user);
    await expect(alert).toContainText('Too many sign-in attempts. Try again in 15 minute(s).');
  });

  test('the sign-in form works from the keyboard alone', async ({ page }) => {
    const user = createUser();
    const config = await discover(baseURL, 'thalamus-desktop-agent');
    const { callback } = await beginBrowserSignIn(page, config, redirectUri);
    await expect(page.getByLabel('Email')).toBeFocused();
    await page.keyboard.type(user.email);
    await page.keyboard.press('Tab');
    await page.keyboard.type(user.password);
    await page.keyboard.press('Enter');
    expect((await callback).searchParams.get('code')).toBeTruthy();
  });
});
