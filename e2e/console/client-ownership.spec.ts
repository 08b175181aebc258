import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { ClientsPage } from '../support/console';
import { createApiKey, thalamus } from '../support/cli';
import { SignInPage } from '../support/sign-in-page';

// Who registered a client, what Thalamus keeps for itself, and the guardrails of API keys,
// as administrators see them in the console.

const suffix = () => randomBytes(3).toString('hex');

test.describe('Client ownership and protected clients', () => {
  test('a client registered with an API key shows the key as its owner in the list and the panel', async ({ page, request }) => {
    const { api_key, key } = createApiKey('clients:read,clients:write', `billing-${suffix()}`);
    const name = `Owned Service ${suffix()}`;
    const created = await request.post('/api/clients', {
      headers: { Authorization: `Bearer ${key}` },
      data: { name, grant_types: ['client_credentials'], scopes: ['clients:read'] },
    });
    expect(created.status()).toBe(201);
    const owner = `API key ${api_key.name} · ${api_key.hint}`;
    expect(api_key.hint).toMatch(/^thak_…/);

    const clients = new ClientsPage(page);
    await clients.open();
    await clients.search.fill(name);
    await expect(page).toHaveURL(/q=Owned/);
    await expect(clients.row(name)).toContainText(owner);
    await clients.row(name).click();
    await expect(clients.details.getByRole('definition').filter({ hasText: owner })).toBeVisible();
    await expect(clients.details.getByText('Registered by')).toBeVisible();

    // The default clients were registered by setup.
    await clients.search.fill('Desktop Agent');
    await expect(clients.row('Thalamus Desktop Agent')).toContainText('Thalamus setup');
  });

  test('the console client is managed by Thalamus: no Regenerate Secret, no Disable, its redirect URIs locked', async ({ page }) => {
    const clients = new ClientsPage(page);
    await page.goto('/console/clients?client=thalamus-console');
    await expect(clients.details.getByRole('heading', { name: 'Thalamus Console' })).toBeVisible();
    await expect(clients.details).toContainText("Thalamus manages this client: its redirect URIs follow APP_URL and its secret is derived from the installation's keys.");
    await expect(clients.details.getByRole('button', { name: 'Regenerate Secret' })).toHaveCount(0);
    await expect(clients.details.getByRole('button', { name: 'Disable' })).toHaveCount(0);

    await clients.details.getByRole('button', { name: 'Edit Client' }).click();
    const redirects = clients.dialog.getByRole('group', { name: 'Redirect URIs' });
    await expect(redirects.getByRole('textbox', { name: 'Redirect URIs' })).toBeDisabled();
    await expect(redirects.getByRole('button', { name: 'Add' })).toBeDisabled();
    await expect(redirects).toContainText('Managed by Thalamus');
    await clients.dialog.getByRole('button', { name: 'Cancel' }).click();
    await expect(clients.dialog).toHaveCount(0);
  });

  test("a super admin changing a default client's redirect URIs confirms the risk first; the change is audited", async ({ page }) => {
    const clients = new ClientsPage(page);
    const added = 'http://127.0.0.1/second-callback';
    const edit = page.getByRole('dialog', { name: 'Edit Client' });
    const confirm = page.getByRole('dialog', { name: 'Change a default client?' });
    await page.goto('/console/clients?client=thalamus-desktop-agent');
    await expect(clients.details.getByRole('heading', { name: 'Thalamus Desktop Agent' })).toBeVisible();

    await clients.details.getByRole('button', { name: 'Edit Client' }).click();
    await clients.addTo('Redirect URIs', added);
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await expect(confirm).toContainText(
      "Thalamus Desktop Agent is a default client: Thalamus's own apps send users' sign-ins to these redirect URIs. A wrong URI sends signed-in users' authorization codes elsewhere.",
    );

    // Cancel saves nothing and leaves the form as it was.
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await expect(confirm).toHaveCount(0);
    await expect(edit.getByRole('list', { name: 'Redirect URIs' })).toContainText(added);
    await edit.getByRole('button', { name: 'Close' }).click();
    await expect(clients.details).not.toContainText(added);

    await clients.details.getByRole('button', { name: 'Edit Client' }).click();
    await clients.addTo('Redirect URIs', added);
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await confirm.getByRole('button', { name: 'Save changes' }).click();
    await expect(edit).toHaveCount(0);
    await expect(clients.details.getByText(added, { exact: true })).toBeVisible();
    await expect(clients.details.getByRole('region', { name: 'History' })).toContainText('client.updated');
    await page.goto('/console/audit?target_type=client&target_id=thalamus-desktop-agent');
    await expect(page.getByRole('list', { name: 'Audit events' })).toContainText('client.updated');

    // Put it back: other tests sign in with this client's single redirect URI.
    await page.goto('/console/clients?client=thalamus-desktop-agent');
    await clients.details.getByRole('button', { name: 'Edit Client' }).click();
    await edit.getByRole('button', { name: `Remove ${added}` }).click();
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await confirm.getByRole('button', { name: 'Save changes' }).click();
    await expect(edit).toHaveCount(0);
    await expect(clients.details.getByText('http://127.0.0.1/callback', { exact: true })).toBeVisible();
    await expect(clients.details.getByText(added, { exact: true })).toHaveCount(0);
  });
});

test.describe('Guardrails of API keys in Settings › API Keys', () => {
  test('a key created with guardrails lists them, and the key is held to them; a wrong one is named beside its field', async ({ page, request }) => {
    const name = `Guarded bot ${suffix()}`;
    await page.goto('/console/settings/api-keys');
    await page.getByRole('button', { name: 'Create API Key' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create API Key' });
    await dialog.getByLabel('Name', { exact: true }).fill(name);
    await dialog.getByRole('group', { name: 'Allowed grant types' }).getByRole('checkbox', { name: 'Client Credentials' }).check();
    await dialog.getByLabel('Allowed scopes').fill('clients:read no-such:scope');
    await dialog.getByLabel('Allowed redirect hosts').fill('billing.example.com, https://bad');
    await dialog.getByLabel('Organization').selectOption({ label: 'Default' });
    await dialog.getByLabel('Maximum clients').fill('2');
    await expect(dialog.getByLabel('Writes per minute')).toHaveValue('60');
    await dialog.getByLabel('Writes per minute').fill('30');
    await dialog.getByRole('button', { name: 'Create API Key' }).click();
    await expect(dialog.getByLabel('Allowed redirect hosts')).toHaveAccessibleDescription(/“https:\/\/bad”: Use a host name/);

    await dialog.getByLabel('Allowed redirect hosts').fill('billing.example.com, *.corp.example');
    await dialog.getByRole('button', { name: 'Create API Key' }).click();
    await expect(dialog.getByLabel('Allowed scopes')).toHaveAccessibleDescription(/Unknown scope "no-such:scope"/);
    await expect(dialog.getByLabel('Allowed redirect hosts')).not.toHaveAttribute('aria-invalid');

    await dialog.getByLabel('Allowed scopes').fill('clients:read');
    await dialog.getByRole('button', { name: 'Create API Key' }).click();
    const shown = page.getByRole('dialog', { name: 'API key created' });
    const key = (await shown.getByLabel('API key', { exact: true }).textContent())!;
    await shown.getByRole('button', { name: 'Done' }).click();

    const guardrails = page.getByRole('row', { name }).getByRole('list', { name: 'Guardrails' });
    for (const line of [
      'Grants: Client Credentials',
      'Scopes: clients:read',
      'Hosts: billing.example.com, *.corp.example',
      'Organization: Default',
      'At most 2 clients',
      '30 writes/min',
    ]) {
      await expect(guardrails).toContainText(line);
    }

    // What the list shows is what binds the key.
    const register = (data: Record<string, unknown>) => request.post('/api/clients', { headers: { Authorization: `Bearer ${key}` }, data });
    const outside = await register({ name: 'Too wide', grant_types: ['authorization_code'], redirect_uris: ['https://billing.example.com/cb'], scopes: ['clients:read'] });
    expect(outside.status()).toBe(403);
    expect((await outside.json()).fields).toContainEqual(expect.objectContaining({ path: 'grant_types[0]' }));
    expect((await register({ name: 'Within', grant_types: ['client_credentials'], scopes: ['clients:read'] })).status()).toBe(201);

    // Changing the guardrails of the live key.
    await page.getByRole('button', { name: `Edit guardrails of ${name}` }).click();
    const editing = page.getByRole('dialog', { name: `Guardrails of ${name}` });
    await expect(editing.getByLabel('Allowed redirect hosts')).toHaveValue('billing.example.com, *.corp.example');
    await editing.getByLabel('Maximum clients').fill('');
    await editing.getByLabel('Writes per minute').fill('45');
    await editing.getByRole('button', { name: 'Save guardrails' }).click();
    await expect(editing).toHaveCount(0);
    await expect(guardrails).toContainText('45 writes/min');
    await expect(guardrails).not.toContainText('At most');
  });
});

test.describe('An admin who is not a super admin', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test("cannot change a default client's redirect URIs or scopes, and the form says why", async ({ page }) => {
    const email = `admin-${suffix()}@example.test`;
    const password = `pw-${randomBytes(12).toString('base64url')}`;
    thalamus('admins', 'create', '--email', email, '--password', password, '--role', 'admin', '--verified', '--json');
    await page.goto('/console');
    await new SignInPage(page).signIn({ email, password });
    await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
    await expect(page.getByText(`${email} · Admin`)).toBeVisible();
    await page.goto('/console/clients?client=thalamus-mobile-app');
    const clients = new ClientsPage(page);
    await expect(clients.details.getByRole('heading', { name: 'Thalamus Mobile App' })).toBeVisible();

    await clients.details.getByRole('button', { name: 'Edit Client' }).click();
    for (const list of ['Redirect URIs', 'Scopes'] as const) {
      const group = clients.dialog.getByRole('group', { name: list });
      await expect(group.getByRole('button', { name: 'Add' })).toBeDisabled();
      await expect(group).toContainText("Only a super admin can change a default client's redirect URIs and scopes");
    }
    await expect(clients.dialog.getByRole('button', { name: 'Remove com.thalamus.mobile:/oauth/callback' })).toBeDisabled();
  });
});
