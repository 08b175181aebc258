import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { ClientsPage } from '../support/console';

// The client form's "Back-channel logout URI" (OIDC Back-Channel Logout 1.0): checked by
// the client schema as it saves, shown in the client's details.

test('an admin gives a client a back-channel logout URI; an http one on a public host is refused with the reason', async ({ page }) => {
  const name = `Wiki ${randomBytes(3).toString('hex')}`;
  const clients = new ClientsPage(page);
  await clients.open();
  await clients.startCustomClient();
  await clients.dialog.getByLabel('Client Name').fill(name);
  await clients.addTo('Redirect URIs', 'https://wiki.example.test/callback');
  await clients.addTo('Scopes', 'openid');
  const field = clients.dialog.getByLabel('Back-channel logout URI');
  await field.fill('http://wiki.example.test/logout');
  await clients.dialog.getByRole('button', { name: 'Create Client' }).click();
  await expect(field).toHaveAccessibleDescription(/Back-channel logout URI must use https \(http is allowed only on a loopback address\)/);

  await field.fill('https://wiki.example.test/logout');
  await clients.dialog.getByRole('button', { name: 'Create Client' }).click();
  await clients.finishSecretDialog();
  await clients.search.fill(name);
  await expect(page).toHaveURL(/q=Wiki/);
  await clients.row(name).click();
  await expect(clients.detail('Back-channel logout URI')).toHaveText('https://wiki.example.test/logout');
});
