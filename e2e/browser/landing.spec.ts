import { expect, test } from '@playwright/test';

test('the landing page says what the server is and links to the console and discovery', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('OAuth 2.0 and OpenID Connect authorization server');
  await expect(page.getByRole('link', { name: 'Open the console' })).toHaveAttribute('href', '/console');
  await page.getByRole('link', { name: 'Discovery document' }).click();
  await expect(page).toHaveURL(/\/\.well-known\/openid-configuration$/);
  await expect(page.locator('body')).toContainText('"issuer"');
});

test('an authorization request reaches the hosted sign-in page, which names the application', async ({ page }) => {
  const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
  await page.goto(
    `/oauth/authorize?client_id=thalamus-desktop-agent&response_type=code&scope=openid&redirect_uri=${encodeURIComponent('http://127.0.0.1:53682/callback')}&code_challenge=${challenge}&code_challenge_method=S256`,
  );
  await expect(page).toHaveURL(/\/interaction\/[\w-]+$/);
  await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
  await expect(page.getByText('to continue to Thalamus Desktop Agent')).toBeVisible();
  await expect(page.getByLabel('Email')).toBeFocused();
});

test('an unregistered redirect URI gets an error page, not a redirect', async ({ page }) => {
  const response = await page.goto(
    `/oauth/authorize?client_id=thalamus-mobile-app&response_type=code&scope=openid&redirect_uri=${encodeURIComponent('https://evil.example/callback')}&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&state=%3Cscript%3Ealert(1)%3C%2Fscript%3E`,
  );
  expect(response?.status()).toBe(400);
  expect(page.url()).toContain('/oauth/authorize');
  await expect(page.getByRole('heading', { name: 'We could not complete this sign-in request' })).toBeVisible();
  await expect(page.getByRole('alert')).toContainText('invalid_redirect_uri');
});
