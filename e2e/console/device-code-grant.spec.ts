import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import * as oidc from 'openid-client';
import { discover } from '../../examples/relying-party';
import { ClientsPage } from '../support/console';
import { baseURL } from '../support/test-env';

// The Custom Client form offers the Device Code grant (RFC 8628) to native applications:
// a CLI or a TV app that shows a code and waits while the user signs in elsewhere.

test('a native public client created with Device Code can start a device sign-in; web applications are not offered it', async ({ page }) => {
  const name = `Build CLI ${randomBytes(3).toString('hex')}`;
  const clients = new ClientsPage(page);
  await clients.open();
  await clients.startCustomClient();
  await clients.dialog.getByLabel('Client Name').fill(name);
  const deviceCode = clients.dialog.getByRole('checkbox', { name: 'Device Code' });
  await expect(deviceCode).toHaveCount(0);

  await clients.dialog.getByRole('radio', { name: 'Native application' }).check();
  await clients.dialog.getByRole('radio', { name: 'Public (no secret, PKCE)' }).check();
  await clients.dialog.getByRole('checkbox', { name: 'Authorization Code' }).uncheck();
  await deviceCode.check();
  await clients.addTo('Scopes', 'openid');
  await clients.dialog.getByRole('button', { name: 'Create Client' }).click();
  const clientId = (await clients.dialog.getByLabel('Client ID', { exact: true }).textContent())!;
  await clients.finishSecretDialog();

  await clients.search.fill(name);
  await expect(page).toHaveURL(/q=Build/);
  await clients.row(name).click();
  await expect(clients.detail('Grant Types')).toHaveText('Device Code');

  const device = await oidc.initiateDeviceAuthorization(await discover(baseURL, clientId), { scope: 'openid' });
  expect(device.verification_uri).toBe(`${baseURL}/oauth/device`);
});
