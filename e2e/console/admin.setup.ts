import { expect, test as setup } from '@playwright/test';
import { SignInPage } from '../support/sign-in-page';
import { adminStorageState } from '../support/console';

// Administrators sign in to the console through Thalamus's own hosted sign-in page,
// once; the console tests reuse the session.
setup('the super admin signs in to the console', async ({ page }) => {
  await page.goto('/console');
  await new SignInPage(page).signIn({ email: process.env.ADMIN_EMAIL!, password: process.env.ADMIN_PASSWORD! });
  // The console opens on its overview.
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await page.context().storageState({ path: adminStorageState });
});
