import { expect, test, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { createApiKey, createClient, createUser } from '../support/cli';
import { authorize, redeem, startSignIn, submitPassword } from '../support/http-sign-in';
import { baseURL, basicAuth } from '../support/test-env';

// Console › Overview: where an admin lands. Its counts come from what Thalamus records
// and its checklist ticks itself. Other tests run beside these, so a count is expected
// to grow by at least what this test did, not by exactly that.

class OverviewPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto('/console');
    await expect(this.page.getByRole('heading', { name: 'Overview', level: 1 })).toBeVisible();
  }

  async count(label: string): Promise<number> {
    const value = this.page
      .getByRole('term')
      .filter({ hasText: new RegExp(`^${label}$`) })
      .locator('xpath=following-sibling::dd[1]');
    return Number((await value.textContent())!.replace(/,/g, ''));
  }

  step(title: string) {
    return this.page.getByRole('region', { name: 'First steps' }).getByRole('listitem').filter({ hasText: title });
  }

  /** Reloads until `check` holds: activity is written within about a second of happening. */
  async eventually(check: () => Promise<void>) {
    await expect(async () => {
      await this.page.reload();
      await check();
    }).toPass({ timeout: 15_000 });
  }
}

test.describe('Overview', () => {
  test('is the console’s landing page, with a link in the navigation and the guide one click away', async ({ page }) => {
    const overview = new OverviewPage(page);
    await overview.open();
    await expect(page.getByRole('navigation', { name: 'Console' }).getByRole('link', { name: 'Overview' })).toHaveAttribute('aria-current', 'page');
    await expect(overview.step('Create an API key').getByRole('link', { name: 'Settings › API Keys' })).toHaveAttribute('href', '/console/settings/api-keys');
    await expect(overview.step('Register a client').getByRole('link', { name: 'OAuth Clients' })).toHaveAttribute('href', '/console/clients');
    await overview.step('Try a sign-in').getByRole('link', { name: 'Integration guide' }).click();
    await expect(page.getByRole('heading', { name: 'Integration guide' })).toBeVisible();
  });

  test('counts clients, and ticks "Register a client" and "Create an API key" once they exist', async ({ page }) => {
    test.slow(); // two CLI runs
    const overview = new OverviewPage(page);
    await overview.open();
    const clients = await overview.count('OAuth clients');
    expect(await overview.count('Users')).toBeGreaterThan(0); // the admin at least

    createClient({ name: `Overview ${randomBytes(3).toString('hex')}`, grant_types: ['client_credentials'], scopes: ['clients:read'] });
    createApiKey('clients:read');
    await page.reload();
    expect(await overview.count('OAuth clients')).toBeGreaterThan(clients);
    await expect(page.getByText(/^\d+ registered, 5 default$/)).toBeVisible();
    for (const step of ['Register a client', 'Create an API key']) await expect(overview.step(step).getByRole('img', { name: 'Done' })).toBeVisible();
  });

  test('counts today’s sign-ins, tokens and failures, and ticks "Try a sign-in" after a sign-in to an application', async ({ page }) => {
    test.slow(); // a CLI run and a sign-in
    const overview = new OverviewPage(page);
    await overview.open();
    const before = {
      signIns: await overview.count('Sign-ins today'),
      tokens: await overview.count('Tokens issued today'),
      failures: await overview.count('Failures today'),
    };

    // A user signs in to the Thalamus Mobile App and redeems the code.
    const user = createUser();
    const token = await redeem(baseURL, await authorize(baseURL, user));
    expect(token.status).toBe(200);
    // A mistyped password and a token request with a wrong secret.
    const { html } = await submitPassword(await startSignIn(baseURL), { email: user.email, password: 'not the password' });
    expect(html).toContain('Incorrect email or password.');
    const refused = await page.request.post('/oauth/token', {
      headers: { Authorization: basicAuth(`unknown-${randomBytes(4).toString('hex')}`, 'thcs_wrong') },
      form: { grant_type: 'client_credentials' },
    });
    expect(refused.status()).toBe(401);

    await overview.eventually(async () => {
      expect(await overview.count('Sign-ins today')).toBeGreaterThan(before.signIns);
      expect(await overview.count('Tokens issued today')).toBeGreaterThan(before.tokens);
      expect(await overview.count('Failures today')).toBeGreaterThanOrEqual(before.failures + 2);
    });
    await expect(overview.step('Try a sign-in').getByRole('img', { name: 'Done' })).toBeVisible();
  });
});
