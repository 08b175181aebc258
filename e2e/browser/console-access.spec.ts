import { expect, test } from '@playwright/test';
import { createUser } from '../support/cli';
import { SignInPage } from '../support/sign-in-page';

test('an end user who is not an administrator cannot open the console', async ({ page }) => {
  const user = createUser();
  await page.goto('/console/clients');
  await new SignInPage(page).signIn(user);
  await expect(page.getByRole('heading', { name: 'You do not have access to the console' })).toBeVisible();
  await expect(page.getByText('Error 403')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'OAuth Clients' })).toHaveCount(0);
});

test('console server actions refuse a request without an admin session', async ({ request }) => {
  const response = await request.get('/console/clients', { maxRedirects: 0 });
  expect([307, 308]).toContain(response.status());
  expect(response.headers().location).toContain('/console/sign-in');
});
