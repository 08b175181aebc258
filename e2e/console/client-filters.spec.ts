import { expect, test, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { ClientsPage } from '../support/console';
import { adminToken, bearer, registerClient } from '../support/admin-api';
import { createApiKey, createClient } from '../support/cli';
import { requestToken } from '../support/token-request';
import { expectNoSeriousAxeViolations } from '../support/accessibility';

// Configuration › OAuth Clients: the facet filters. Each option shows how many clients it
// would list for the search and the other filters; the choices live in the URL.

const tag = `Faceted ${randomBytes(3).toString('hex')}`;
const names = (...which: string[]) => which.map((w) => `${tag} ${w}`);
let owner: { name: string; hint: string };
let organizationName: string;

test.beforeAll(async ({ request }) => {
  const { key, api_key } = createApiKey('clients:read,clients:write');
  owner = api_key;
  organizationName = `Tenant ${randomBytes(3).toString('hex')}`;
  const organization = await (await request.post('/api/organizations', { headers: bearer(await adminToken(request)), data: { name: organizationName } })).json();
  // Registered by the API key: a confidential web app in its own organization, and a service that is then disabled.
  await registerClient(request, key, {
    name: `${tag} Portal`,
    grant_types: ['authorization_code'],
    redirect_uris: ['https://portal.example.com/callback'],
    scopes: ['openid'],
    organization_id: organization.id,
  });
  const exporter = await registerClient(request, key, { name: `${tag} Export`, grant_types: ['client_credentials'], scopes: ['directory:read'] });
  expect((await request.patch(`/api/clients/${exporter.client_id}`, { headers: bearer(key), data: { enabled: false } })).status()).toBe(200);
  // Registered by the operator: a public app, a service that never got a token, and one that just did.
  createClient({
    name: `${tag} Mobile`,
    grant_types: ['authorization_code'],
    redirect_uris: ['https://mobile.example.com/cb'],
    token_endpoint_auth_method: 'none',
    scopes: ['openid'],
  });
  createClient({ name: `${tag} Nightly`, grant_types: ['client_credentials'], scopes: ['directory:read'] });
  const worker = createClient({ name: `${tag} Worker`, grant_types: ['client_credentials'], scopes: ['directory:read'] });
  expect((await requestToken(request, { id: worker.client_id, secret: worker.client_secret! }, { grant_type: 'client_credentials' })).status()).toBe(200);
  // "Last used" is written just after the token response: wait until the list shows it.
  await expect
    .poll(async () => {
      const list = await (await request.get(`/api/clients?q=${encodeURIComponent(`${tag} Worker`)}`, { headers: bearer(await adminToken(request)) })).json();
      return list.data[0]?.last_used_at;
    })
    .not.toBeNull();
});

/** The rows the list shows, by client name, in name order. */
async function expectListed(page: Page, expected: string[]) {
  await expect(page.getByRole('row', { name: new RegExp(tag) })).toHaveCount(expected.length);
  for (const name of expected) await expect(page.getByRole('row', { name })).toBeVisible();
}

function filter(page: Page, label: string) {
  return page.getByRole('group', { name: 'Filters' }).getByRole('combobox', { name: label });
}

test.describe('OAuth Clients: filters', () => {
  test('each facet narrows the list, with counts per option; the URL holds the filters and a reload keeps them', async ({ page }) => {
    const clients = new ClientsPage(page);
    await page.goto(`/console/clients?q=${encodeURIComponent(tag)}&sort=name&order=asc`);
    await expectListed(page, names('Export', 'Mobile', 'Nightly', 'Portal', 'Worker'));

    await filter(page, 'Grant Type').selectOption({ label: 'Authorization Code (2)' });
    await expect(page).toHaveURL(/grant_type=authorization_code/);
    await expectListed(page, names('Mobile', 'Portal'));
    // The other facets count within the grant type chosen; its own options keep their counts.
    await expect(filter(page, 'Client Type').getByRole('option')).toHaveText(['Public and confidential', 'Public (1)', 'Confidential (1)']);
    await expect(filter(page, 'Grant Type').getByRole('option', { name: 'Client Credentials (3)' })).toBeAttached();

    await filter(page, 'Client Type').selectOption({ label: 'Public (1)' });
    await expect(page).toHaveURL(/client_kind=public/);
    await expectListed(page, names('Mobile'));

    await page.reload();
    await expect(filter(page, 'Grant Type')).toHaveValue('authorization_code');
    await expect(filter(page, 'Client Type')).toHaveValue('public');
    await expectListed(page, names('Mobile'));

    await page.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page).not.toHaveURL(/grant_type|client_kind/);
    await expectListed(page, names('Export', 'Mobile', 'Nightly', 'Portal', 'Worker'));
    await expect(page.getByRole('button', { name: 'Clear filters' })).toHaveCount(0);

    await filter(page, 'Status').selectOption({ label: 'Disabled (1)' });
    await expect(page).toHaveURL(/status=disabled/);
    await expectListed(page, names('Export'));
    await filter(page, 'Status').selectOption({ label: 'All statuses' });

    await filter(page, 'Organization').selectOption({ label: `${organizationName} (1)` });
    await expectListed(page, names('Portal'));
    await filter(page, 'Organization').selectOption({ label: 'All organizations' });

    await filter(page, 'Owner').selectOption({ label: `API key ${owner.name} · ${owner.hint} (2)` });
    await expect(page).toHaveURL(/owner=/);
    await expectListed(page, names('Export', 'Portal'));
    await filter(page, 'Owner').selectOption({ label: 'Console or CLI (3)' });
    await expect(page).toHaveURL(/owner=none/);
    await expectListed(page, names('Mobile', 'Nightly', 'Worker'));

    await expectNoSeriousAxeViolations(page, 'the filtered client list');
    await expect(clients.search).toHaveValue(tag);
  });

  test('"Not used for 90 days" finds a client that never got a token, not one that just did', async ({ page }) => {
    await page.goto(`/console/clients?q=${encodeURIComponent(tag)}&grant_type=client_credentials`);
    await expectListed(page, names('Export', 'Nightly', 'Worker'));
    await filter(page, 'Last used').selectOption({ label: 'Not used for 90 days (2)' });
    await expect(page).toHaveURL(/not_used_days=90/);
    await expectListed(page, names('Export', 'Nightly'));
    await expect(page.getByRole('row', { name: `${tag} Nightly` })).toContainText('Never');
    await expect(page.getByRole('row', { name: `${tag} Worker` })).toHaveCount(0);
  });
});
