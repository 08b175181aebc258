import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { ClientsPage } from '../support/console';

// The Custom Client form checks each redirect URI and scope as it is added, with the rules
// and the words the server applies on save (lib/clients/client-schema.ts), and keeps its
// Create/Cancel footer in view while the fields scroll.

test.describe('Live checks in the client form', () => {
  test('a redirect URI the server would refuse is refused at "Add", with its message, before any submit', async ({ page }) => {
    const clients = new ClientsPage(page);
    await clients.open();
    await clients.startCustomClient();
    const field = clients.dialog.getByRole('textbox', { name: 'Redirect URIs' });
    const list = clients.dialog.getByRole('list', { name: 'Redirect URIs' });

    await clients.addTo('Redirect URIs', 'http://app.example.com/cb');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(/Redirect URI must use https \(http is allowed only for native apps on a loopback address\)/);
    await expect(field).toHaveValue('http://app.example.com/cb'); // kept, to be corrected
    await expect(list).toHaveCount(0);

    // Enter checks the same way.
    for (const [uri, message] of [
      ['billing.example.com/cb', /Redirect URI must be an absolute URI/],
      ['https://x.example.com/cb#frag', /Redirect URI must not contain a fragment/],
    ] as const) {
      await field.fill(uri);
      await field.press('Enter');
      await expect(field).toHaveAccessibleDescription(message);
    }
    await expect(list).toHaveCount(0);

    await field.fill('https://app.example.com/cb');
    await field.press('Enter');
    await expect(list.getByText('https://app.example.com/cb', { exact: true })).toBeVisible();
    await expect(field).toHaveValue('');
    await expect(field).not.toHaveAttribute('aria-invalid');

    // The rule follows the application type: http on a loopback address is for native apps only.
    await clients.dialog.getByRole('radio', { name: 'Native application' }).check();
    await clients.addTo('Redirect URIs', 'http://127.0.0.1/cb');
    const loopback = list.getByRole('listitem').filter({ hasText: 'http://127.0.0.1/cb' });
    await expect(loopback).toBeVisible();
    await expect(loopback).not.toContainText('must use https');
    await clients.dialog.getByRole('radio', { name: 'Web application' }).check();
    await expect(loopback.getByRole('button', { name: 'Remove http://127.0.0.1/cb' })).toHaveAccessibleDescription(/^Redirect URI must use https/);
  });

  test('a scope the registry does not know is marked as it is added, and can be created from the form', async ({ page }) => {
    const scope = `reports:${randomBytes(3).toString('hex')}`;
    const clients = new ClientsPage(page);
    await clients.open();
    await clients.startCustomClient();
    await expect(clients.dialog.getByRole('group', { name: 'Scopes *' })).toBeVisible(); // required, like the schema says
    await clients.dialog.getByLabel('Client Name').fill(`Reports ${scope}`);
    await clients.dialog.getByRole('checkbox', { name: 'Authorization Code' }).uncheck();
    await clients.dialog.getByRole('checkbox', { name: 'Client Credentials' }).check();

    // A name the scope rules refuse is flagged as it is typed.
    const field = clients.dialog.getByRole('combobox', { name: 'Scopes' });
    await field.fill('two words');
    await expect(field).toHaveAccessibleDescription(/without spaces/);

    await clients.addTo('Scopes', 'clients:read');
    await clients.addTo('Scopes', scope);
    const scopes = clients.dialog.getByRole('list', { name: 'Scopes' });
    const unknown = scopes.getByRole('listitem').filter({ hasText: scope });
    await expect(unknown).toContainText('Unknown scope');
    await expect(unknown.getByRole('button', { name: `Create scope ${scope}` })).toHaveAccessibleDescription(`Unknown scope "${scope}": create it under OAuth Scopes first`);
    await expect(scopes.getByRole('listitem').filter({ hasText: 'clients:read' })).not.toContainText('Unknown scope');

    // Saving would be refused: the form refuses first, at the scope.
    await clients.dialog.getByRole('button', { name: 'Create Client' }).click();
    await expect(clients.dialog.getByRole('alert')).toHaveText('Fix the highlighted fields.');
    await expect(unknown.getByRole('button', { name: `Remove ${scope}` })).toBeFocused();

    await unknown.getByRole('button', { name: `Create scope ${scope}` }).click();
    await unknown.getByLabel('Scope description').fill('See your reports');
    await unknown.getByRole('button', { name: 'Create scope' }).click();
    await expect(unknown).not.toContainText('Unknown scope');
    await clients.dialog.getByRole('button', { name: 'Create Client' }).click();
    await expect(clients.dialog.getByRole('heading', { name: 'Client created' })).toBeVisible();
    await clients.finishSecretDialog();

    await page.goto('/console/scopes');
    await expect(page.getByRole('row', { name: scope })).toContainText('See your reports');
  });

  test('the footer stays in view in a long form, and a refused submit brings the first field in error into view', async ({ page }) => {
    const clients = new ClientsPage(page);
    await clients.open();
    await clients.startCustomClient();
    for (const path of ['a', 'b', 'c', 'd', 'e']) await clients.addTo('Redirect URIs', `https://app.example.com/${path}`);
    for (const scope of ['openid', 'profile', 'email', 'offline_access']) await clients.addTo('Scopes', scope);
    await clients.dialog.getByRole('switch', { name: 'Require PKCE' }).scrollIntoViewIfNeeded();

    // The form is longer than the dialog: its top has scrolled away, the footer has not.
    await expect(clients.dialog.getByLabel('Client Name')).not.toBeInViewport();
    await expect(clients.dialog.getByRole('button', { name: 'Create Client' })).toBeInViewport({ ratio: 1 });
    await expect(clients.dialog.getByRole('button', { name: 'Cancel' })).toBeInViewport({ ratio: 1 });
    await clients.dialog.getByLabel('Client Name').scrollIntoViewIfNeeded();
    await expect(clients.dialog.getByRole('button', { name: 'Create Client' })).toBeInViewport({ ratio: 1 });

    // No name: "Create Client" brings Client Name back into view, focused, with its error.
    await clients.dialog.getByRole('switch', { name: 'Require PKCE' }).scrollIntoViewIfNeeded();
    await clients.dialog.getByRole('button', { name: 'Create Client' }).click();
    const name = clients.dialog.getByLabel('Client Name');
    await expect(name).toBeFocused();
    await expect(name).toBeInViewport();
    await expect(name).toHaveAccessibleDescription('Client Name is required');
  });
});
