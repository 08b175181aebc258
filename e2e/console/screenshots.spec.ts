import { expect, test } from '@playwright/test';
import { ClientsPage } from '../support/console';

// The README's pictures of the console. Runs only with `npm run screenshots`.
test.skip(!process.env.THALAMUS_SCREENSHOTS, 'run with npm run screenshots');

test('screenshots of the client list, the create dialog and the details panel', async ({ page }) => {
  const clients = new ClientsPage(page);
  await clients.open();
  await expect(clients.row('Admin Client')).toBeVisible();
  await page.screenshot({ path: 'docs/console-clients.png' });

  await clients.startCustomClient();
  await clients.dialog.getByLabel('Client Name').fill('Expense Reports');
  await clients.dialog.getByLabel('Description').fill('Employee expense claims');
  await clients.addTo('Redirect URIs', 'https://expenses.example.com/callback');
  await clients.dialog.getByRole('checkbox', { name: 'Refresh Token' }).check();
  for (const scope of ['openid', 'profile', 'email']) await clients.addTo('Scopes', scope);
  await page.screenshot({ path: 'docs/console-create-client.png' });
  await clients.dialog.getByRole('button', { name: 'Create Client' }).click();
  await expect(clients.dialog.getByRole('heading', { name: 'Client created' })).toBeVisible();
  await page.screenshot({ path: 'docs/console-client-secret.png' });
  await clients.finishSecretDialog();

  await clients.row('Thalamus Desktop Agent').click();
  await expect(clients.details).toBeVisible();
  await page.screenshot({ path: 'docs/console-client-details.png' });
});

test('screenshots of the client list on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const clients = new ClientsPage(page);
  await clients.open();
  await expect(clients.row('Admin Client')).toBeVisible();
  await expect(page.getByText('Scroll sideways for more columns')).toBeVisible();
  await page.screenshot({ path: 'docs/console-clients-phone.png' });
});
