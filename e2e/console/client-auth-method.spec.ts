import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { ClientsPage } from '../support/console';
import { basicAuth } from '../support/test-env';

// The Custom Client form's "Client authentication": how a confidential client sends its
// secret. The server accepts only the method chosen (e2e/api/client-auth-method.spec.ts).

test('a client created for the form body authenticates with the body and not with the Authorization header', async ({ page, request }) => {
  const clients = new ClientsPage(page);
  await clients.open();
  await clients.startCustomClient();
  await clients.dialog.getByLabel('Client Name').fill(`Legacy PHP Shop ${randomBytes(3).toString('hex')}`);
  await clients.dialog.getByRole('checkbox', { name: 'Authorization Code' }).uncheck();
  await clients.dialog.getByRole('checkbox', { name: 'Client Credentials' }).check();
  await clients.addTo('Scopes', 'clients:read');

  const method = clients.dialog.getByRole('group', { name: 'Client authentication' });
  await expect(method.getByRole('radio', { name: 'Authorization header (client_secret_basic)' })).toBeChecked();
  await method.getByRole('radio', { name: 'Form body (client_secret_post)' }).check();
  await clients.dialog.getByRole('button', { name: 'Create Client' }).click();
  const clientId = (await clients.dialog.getByLabel('Client ID', { exact: true }).textContent())!;
  const secret = (await clients.dialog.getByLabel('Client Secret', { exact: true }).textContent())!;
  await clients.finishSecretDialog();

  const inBody = await request.post('/oauth/token', { form: { grant_type: 'client_credentials', client_id: clientId, client_secret: secret } });
  expect(inBody.status()).toBe(200);
  const inHeader = await request.post('/oauth/token', { headers: { Authorization: basicAuth(clientId, secret) }, form: { grant_type: 'client_credentials' } });
  expect(inHeader.status()).toBe(401);
  expect((await inHeader.json()).error_description).toContain('registered for client_secret_post');
});

test('a public client has no secret, so no choice of how to send one', async ({ page }) => {
  const clients = new ClientsPage(page);
  await clients.open();
  await clients.startCustomClient();
  await expect(clients.dialog.getByRole('group', { name: 'Client authentication' })).toBeVisible();
  await clients.dialog.getByRole('radio', { name: 'Public (no secret, PKCE)' }).check();
  await expect(clients.dialog.getByRole('group', { name: 'Client authentication' })).toHaveCount(0);
});
