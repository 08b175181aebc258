import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { exportJWK, generateKeyPair } from 'jose';
import { ClientsPage } from '../support/console';
import { baseURL } from '../support/test-env';

// The client form's "Security" section and the details panel's: what an administrator sets
// there is what the provider enforces (the protocol side is in e2e/api/dpop-par.spec.ts and
// e2e/api/client-security.spec.ts).

test('an administrator requires PAR and DPoP, shortens the access token and allows a browser origin; bad values are named at their field', async ({ page, request }) => {
  const name = `Ledger Web ${randomBytes(3).toString('hex')}`;
  const redirectUri = 'https://ledger.example.test/callback';
  const clients = new ClientsPage(page);
  await clients.open();
  await clients.startCustomClient();
  const form = clients.dialog;
  await form.getByLabel('Client Name').fill(name);
  await clients.addTo('Redirect URIs', redirectUri);
  await clients.addTo('Scopes', 'openid');
  await form.getByRole('checkbox', { name: 'Refresh Token' }).check();

  const security = form.getByRole('region', { name: 'Security' });
  await security.getByRole('switch', { name: 'Require PAR' }).click();
  await security.getByRole('switch', { name: 'Require DPoP' }).click();
  await expect(security.getByRole('switch', { name: 'Refresh Token Rotation' })).toBeChecked();

  // An origin is scheme, host and port: a URL with a path is refused at "Add".
  const origins = security.getByRole('group', { name: 'Allowed CORS Origins' });
  await origins.getByRole('textbox', { name: 'Allowed CORS Origins' }).fill('https://ledger.example.test/app');
  await origins.getByRole('button', { name: 'Add' }).click();
  await expect(origins).toContainText('Use the origin alone, without a path, query or trailing slash: https://ledger.example.test');
  await origins.getByRole('textbox', { name: 'Allowed CORS Origins' }).fill('https://ledger.example.test');
  await origins.getByRole('button', { name: 'Add' }).click();

  // A lifetime out of range is refused on submit, at its field.
  const accessLifetime = security.getByRole('spinbutton', { name: 'Access Token Lifetime (seconds)' });
  await accessLifetime.fill('30');
  await form.getByRole('button', { name: 'Create Client' }).click();
  await expect(accessLifetime).toHaveAccessibleDescription(/Use at least 60 seconds/);
  await expect(accessLifetime).toBeFocused();
  await accessLifetime.fill('900');
  await form.getByRole('button', { name: 'Create Client' }).click();
  const clientId = (await form.getByLabel('Client ID', { exact: true }).textContent())!;
  await clients.finishSecretDialog();

  await clients.search.fill(name);
  // The search is in the URL once the list shows its result.
  await expect(page).toHaveURL(/q=/);
  await clients.row(name).click();
  await expect(clients.detail('Require PAR')).toHaveText('Yes');
  await expect(clients.detail('Require DPoP')).toHaveText('Yes');
  await expect(clients.detail('Refresh Token Rotation')).toHaveText('On');
  await expect(clients.detail('Access Token Lifetime')).toHaveText('900 seconds');
  await expect(clients.detail('ID Token Lifetime')).toHaveText("Server's default");
  await expect(clients.detail('Allowed CORS Origins')).toHaveText('https://ledger.example.test');

  // The provider holds the client to it: a plain authorization request is refused.
  const query = new URLSearchParams({
    response_type: 'code',
    client_id: clientId,
    redirect_uri: redirectUri,
    scope: 'openid',
    code_challenge: 'x'.repeat(43),
    code_challenge_method: 'S256',
  });
  const plain = await request.get(`/oauth/authorize?${query}`, { maxRedirects: 0 });
  const to = new URL(plain.headers().location!, baseURL);
  expect(to.searchParams.get('error')).toBe('invalid_request');

  // Edit Client shows the settings and changes them.
  await clients.details.getByRole('button', { name: 'Edit Client' }).click();
  await expect(security.getByRole('switch', { name: 'Require PAR' })).toBeChecked();
  await expect(accessLifetime).toHaveValue('900');
  await security.getByRole('switch', { name: 'Require PAR' }).click();
  await security.getByRole('spinbutton', { name: 'Refresh Token Reuse Grace (seconds)' }).fill('5');
  await form.getByRole('button', { name: 'Save changes' }).click();
  await expect(clients.dialog).toHaveCount(0);
  await expect(clients.detail('Require PAR')).toHaveText('No');
  await expect(clients.detail('Refresh Token Rotation')).toHaveText('On, reuse grace 5 seconds');
});

test('a private_key_jwt client is registered with its public key, never a private one, and gets no secret', async ({ page }) => {
  const name = `Key Signer ${randomBytes(3).toString('hex')}`;
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const clients = new ClientsPage(page);
  await clients.open();
  await clients.startCustomClient();
  const form = clients.dialog;
  await form.getByLabel('Client Name').fill(name);
  await form.getByRole('checkbox', { name: 'Authorization Code' }).uncheck();
  await form.getByRole('checkbox', { name: 'Client Credentials' }).check();
  await clients.addTo('Scopes', 'directory:read');
  await form.getByRole('radio', { name: "Signed with the client's key (private_key_jwt)" }).check();

  const keys = form.getByRole('textbox', { name: 'Public Keys (JWKS)' });
  await keys.fill(JSON.stringify({ keys: [{ ...(await exportJWK(privateKey)), kid: 'signer-1' }] }));
  await form.getByRole('button', { name: 'Create Client' }).click();
  await expect(keys).toHaveAccessibleDescription(/This is a private key \(it has "d"\): register the public key only/);

  await keys.fill(JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid: 'signer-1' }] }));
  await form.getByRole('button', { name: 'Create Client' }).click();
  await expect(form.getByLabel('Client ID', { exact: true })).toBeVisible();
  await expect(form.getByLabel('Client Secret', { exact: true })).toHaveCount(0);
  await clients.finishSecretDialog();

  await clients.search.fill(name);
  // The search is in the URL once the list shows its result.
  await expect(page).toHaveURL(/q=/);
  await clients.row(name).click();
  await expect(clients.detail('Public Keys (JWKS)')).toHaveText('EC P-256 · kid signer-1');
  await expect(clients.detail('Client Secret')).toHaveCount(0);
  await expect(clients.details.getByRole('button', { name: 'Regenerate Secret' })).toHaveCount(0);
});
