import { expect, test, type Page } from '@playwright/test';
import { ClientsPage } from '../support/console';
import { signInUpToConsent } from '../support/relying-party';

// The pages work under their nonce-based Content-Security-Policy: Chromium reports
// every blocked script, style, image or connection on the console, and none may appear
// while the console and the hosted sign-in are used.

function cspViolations(page: Page): string[] {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  return violations;
}

test('the console runs without a CSP violation, and its inline theme script runs', async ({ page }) => {
  const violations = cspViolations(page);
  for (const [path, heading] of [
    ['/console/scopes', 'OAuth Scopes'],
    ['/console/users', 'Users'],
    ['/console/settings/api-keys', 'API Keys'],
    ['/console/audit', 'Audit Log'],
    ['/console/organizations', 'Organizations'],
  ]) {
    await page.goto(path!);
    await expect(page.getByRole('heading', { name: heading, level: 1 })).toBeVisible();
  }
  const clients = new ClientsPage(page);
  await clients.open();
  await clients.startCustomClient();
  await expect(clients.dialog.getByLabel('Client Name')).toBeVisible();
  await page.keyboard.press('Escape');

  // The theme is applied by an inline script before the first paint: it runs only with the nonce.
  await page.evaluate(() => localStorage.setItem('thalamus-theme', 'dark'));
  await page.reload();
  await expect(page.locator('html')).toHaveClass(/\bdark\b/);
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await page.reload();
  await expect(page.locator('html')).not.toHaveClass(/\bdark\b/);
  expect(violations).toEqual([]);
});

test.describe('the hosted pages', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('sign-in and consent run without a CSP violation and return to the application on another site', async ({ page }) => {
    const violations = cspViolations(page);
    const { callback } = await signInUpToConsent(page, 'Policy Check', 'https://csp.example.test/callback');
    await page.getByRole('button', { name: 'Allow' }).click();
    expect((await callback).searchParams.get('code')).toBeTruthy();
    expect(violations).toEqual([]);
  });
});
