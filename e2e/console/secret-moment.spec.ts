import { expect, test } from '@playwright/test';
import { ClientsPage } from '../support/console';
import { createClient } from '../support/cli';
import { baseURL } from '../support/test-env';

// The show-once moment: everything a service needs to be configured, in one place, and
// no way to lose the secret by a careless click on "Done".

test.describe('The new client secret dialog', () => {
  test('shows the issuer, the endpoints and a .env block with the real values; Done waits until the secret is stored', async ({ page, context }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const clients = new ClientsPage(page);
    await clients.open();
    await clients.startCustomClient();
    await clients.dialog.getByLabel('Client Name').fill('Ledger Service');
    await clients.addTo('Redirect URIs', 'https://ledger.example.com/oauth/callback');
    await clients.addTo('Redirect URIs', 'https://ledger.example.com/second');
    for (const scope of ['openid', 'profile']) await clients.addTo('Scopes', scope);
    await clients.dialog.getByRole('button', { name: 'Create Client' }).click();

    await expect(clients.dialog.getByRole('heading', { name: 'Client created' })).toBeVisible();
    const clientId = (await clients.dialog.getByLabel('Client ID', { exact: true }).textContent())!;
    const secret = (await clients.dialog.getByLabel('Client Secret', { exact: true }).textContent())!;
    await expect(clients.dialog.getByLabel('Issuer', { exact: true })).toHaveText(baseURL);
    await expect(clients.dialog.getByLabel('Authorization endpoint', { exact: true })).toHaveText(`${baseURL}/oauth/authorize`);
    await expect(clients.dialog.getByLabel('Token endpoint', { exact: true })).toHaveText(`${baseURL}/oauth/token`);

    const env = [
      `OAUTH2_CLIENT_ID=${clientId}`,
      `OAUTH2_CLIENT_SECRET=${secret}`,
      'OAUTH2_REDIRECT_URI=https://ledger.example.com/oauth/callback',
      `OAUTH2_AUTHORIZE_URL=${baseURL}/oauth/authorize`,
      `OAUTH2_TOKEN_URL=${baseURL}/oauth/token`,
    ].join('\n');
    await expect(clients.dialog.getByLabel('.env', { exact: true })).toHaveText(env);
    await clients.dialog.getByRole('button', { name: 'Copy .env' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${env}\n`);

    // The endpoints named in the block are this server's own (its discovery document agrees).
    const discovery = await (await page.request.get('/.well-known/openid-configuration')).json();
    expect([discovery.issuer, discovery.authorization_endpoint, discovery.token_endpoint]).toEqual([baseURL, `${baseURL}/oauth/authorize`, `${baseURL}/oauth/token`]);

    // Done is guarded, and neither Escape nor ✕ throws the secret away meanwhile.
    const done = clients.dialog.getByRole('button', { name: 'Done' });
    await expect(done).toBeDisabled();
    await page.keyboard.press('Escape');
    await clients.dialog.getByRole('button', { name: 'Close' }).click();
    await expect(clients.dialog.getByLabel('Client Secret', { exact: true })).toHaveText(secret);
    await clients.dialog.getByRole('checkbox', { name: 'I have stored the secret' }).check();
    await done.click();
    await expect(clients.dialog).toBeHidden();
  });

  test('a regenerated secret comes with the same block; a public client needs no confirmation', async ({ page }) => {
    const service = createClient({ name: `Rotated ${Date.now()}`, grant_types: ['client_credentials'], scopes: ['clients:read'] });
    const clients = new ClientsPage(page);
    await page.goto(`/console/clients?client=${service.client_id}`);
    await clients.details.getByRole('button', { name: 'Regenerate Secret' }).click();
    await clients.dialog.getByRole('button', { name: 'Regenerate' }).click();
    await expect(clients.dialog.getByRole('heading', { name: 'New Client Secret' })).toBeVisible();
    const secret = (await clients.dialog.getByLabel('Client Secret', { exact: true }).textContent())!;
    expect(secret).not.toBe(service.client_secret);
    // No redirect URI registered, so no OAUTH2_REDIRECT_URI line.
    await expect(clients.dialog.getByLabel('.env', { exact: true })).toHaveText(
      [
        `OAUTH2_CLIENT_ID=${service.client_id}`,
        `OAUTH2_CLIENT_SECRET=${secret}`,
        `OAUTH2_AUTHORIZE_URL=${baseURL}/oauth/authorize`,
        `OAUTH2_TOKEN_URL=${baseURL}/oauth/token`,
      ].join('\n'),
    );
    await expect(clients.dialog.getByRole('button', { name: 'Done' })).toBeDisabled();
    await clients.finishSecretDialog();

    await clients.open();
    await clients.startCustomClient();
    await clients.dialog.getByLabel('Client Name').fill('Kiosk App');
    await clients.dialog.getByRole('radio', { name: 'Public (no secret, PKCE)' }).check();
    await clients.addTo('Redirect URIs', 'https://kiosk.example.com/callback');
    await clients.addTo('Scopes', 'openid');
    await clients.dialog.getByRole('button', { name: 'Create Client' }).click();
    await expect(clients.dialog.getByRole('heading', { name: 'Client created' })).toBeVisible();
    await expect(clients.dialog.getByLabel('Client Secret', { exact: true })).toHaveCount(0);
    await expect(clients.dialog.getByRole('checkbox', { name: 'I have stored the secret' })).toHaveCount(0);
    await expect(clients.dialog.getByLabel('.env', { exact: true })).not.toContainText('OAUTH2_CLIENT_SECRET');
    await clients.dialog.getByRole('button', { name: 'Done' }).click();
    await expect(clients.dialog).toBeHidden();
  });
});
