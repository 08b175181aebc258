import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { createApiKey, createClient, createUser, revokeApiKey, thalamus } from '../support/cli';
import { adminToken, bearer } from '../support/admin-api';
import { SortableList } from '../support/sortable-list';

// The console's lists sort and filter on the server, in the URL: a sorted, filtered
// page can be reloaded, shared and paged through.

const DEFAULT_CLIENT_NAMES = ['Admin Client', 'Sync Service Client', 'Thalamus Console', 'Thalamus Desktop Agent', 'Thalamus Mobile App'];

test.describe('Sorting and filtering the console lists', () => {
  // Each test registers its rows with a few CLI runs first, slow on a loaded machine.
  test.describe.configure({ timeout: 90_000 });

  test('OAuth Clients sort by Client, Client ID, Status and Created, both ways, across pages and with the search', async ({ page, request }) => {
    const tag = `Sorted ${randomBytes(3).toString('hex')}`;
    // Registered out of name order; Charlie is disabled (by the platform credential).
    const bravo = createClient({ name: `${tag} Bravo`, grant_types: ['client_credentials'], scopes: ['clients:read'] });
    const charlie = createClient({ name: `${tag} Charlie`, grant_types: ['client_credentials'], scopes: ['clients:read'] });
    const disabled = await request.patch(`/api/clients/${charlie.client_id}`, { headers: bearer(await adminToken(request)), data: { enabled: false } });
    expect(disabled.status()).toBe(200);
    const alpha = createClient({ name: `${tag} Alpha`, grant_types: ['client_credentials'], scopes: ['clients:read'] });
    const [a, b, c] = [alpha.name, bravo.name, charlie.name];
    const list = new SortableList(page);

    // Two rows a page, so the third row is on page 2.
    await page.goto(`/console/clients?q=${encodeURIComponent(tag)}&page_size=2`);
    await list.expectSorted('Created', null, 'desc');
    await list.expectRows(tag, [a, c]);

    await list.sortBy('Client');
    await list.expectSorted('Client', 'name', 'asc');
    await list.expectRows(tag, [a, b]);
    await page.getByRole('navigation', { name: 'Pagination' }).getByRole('button', { name: 'Next' }).click();
    await list.expectRows(tag, [c]);
    expect(list.param('page')).toBe('2');
    expect(list.param('q')).toBe(tag);
    await list.expectSorted('Client', 'name', 'asc');

    // Toggling reverses the order and starts again from the first page.
    await list.sortBy('Client');
    await list.expectSorted('Client', 'name', 'desc');
    await list.expectRows(tag, [c, b]);
    expect(list.param('page')).toBeNull();

    await list.sortBy('Client ID');
    await list.expectSorted('Client ID', 'client_id', 'asc');
    const byId = [alpha, bravo, charlie].sort((x, y) => (x.client_id < y.client_id ? -1 : 1)).map((client) => client.name);
    await list.expectRows(tag, byId.slice(0, 2));
    await list.sortBy('Client ID');
    await list.expectRows(tag, byId.reverse().slice(0, 2));

    // Disabled before enabled when ascending, ties by client ID.
    await list.sortBy('Status');
    await list.expectSorted('Status', 'status', 'asc');
    await list.expectRows(tag, [c, alpha.client_id < bravo.client_id ? a : b]);
    await list.sortBy('Status');
    await list.expectSorted('Status', 'status', 'desc');
    await list.expectRows(tag, alpha.client_id < bravo.client_id ? [a, b] : [b, a]);

    // Created starts newest first, then flips to oldest first.
    await list.sortBy('Created');
    await list.expectSorted('Created', 'created_at', 'desc');
    await list.expectRows(tag, [a, c]);
    await list.sortBy('Created');
    await list.expectSorted('Created', 'created_at', 'asc');
    await list.expectRows(tag, [b, c]);

    // The sorted, searched page is in the URL: a reload shows the same rows.
    await page.reload();
    await list.expectRows(tag, [b, c]);
    // A column that does not sort has no button, and a bad sort falls back to the default.
    await expect(list.header('Grant Types').getByRole('button')).toHaveCount(0);
    await page.goto(`/console/clients?q=${encodeURIComponent(tag)}&sort=secret&order=up`);
    await expect(list.header('Created')).toHaveAttribute('aria-sort', 'descending');
    await list.expectRows(tag, [a, c, b]);
  });

  test('the "Default clients" filter shows exactly the five default clients; "Your clients" shows the others', async ({ page }) => {
    const mine = createClient({ name: `Filtered ${randomBytes(3).toString('hex')}`, grant_types: ['client_credentials'], scopes: ['clients:read'] });
    const list = new SortableList(page);
    await page.goto('/console/clients');
    const filter = page.getByRole('combobox', { name: 'Default clients' });
    await expect(filter).toHaveValue('');

    await filter.selectOption({ label: 'Default clients' });
    await expect(page).toHaveURL(/is_default=true/);
    await list.sortBy('Client');
    await list.expectSorted('Client', 'name', 'asc');
    await expect
      .poll(() => page.getByRole('row', { name: /./ }).evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label')).filter(Boolean)))
      .toEqual(DEFAULT_CLIENT_NAMES);
    await expect(page.getByRole('navigation', { name: 'Pagination' })).toContainText('1–5 of 5');

    await filter.selectOption({ label: 'Your clients' });
    await expect(page).toHaveURL(/is_default=false/);
    await page.getByRole('searchbox', { name: 'Search' }).fill(mine.name);
    await expect(page.getByRole('row', { name: mine.name })).toBeVisible();
    for (const name of DEFAULT_CLIENT_NAMES) await expect(page.getByRole('row', { name })).toHaveCount(0);
    // The filter and the order survive a reload.
    await page.reload();
    await expect(filter).toHaveValue('false');
    await list.expectSorted('Client', 'name', 'asc');
  });

  test('Users sort by User (email), Role, Status and Created, and filter by role', async ({ page }) => {
    const tag = `Sorted ${randomBytes(3).toString('hex')}`;
    const first = createUser({ name: `${tag} first` });
    const adminEmail = `admin-${randomBytes(6).toString('hex')}@example.test`;
    thalamus('admins', 'create', '--email', adminEmail, '--password', `pw-${randomBytes(12).toString('base64url')}`, '--name', `${tag} admin`, '--role', 'admin');
    const last = createUser({ name: `${tag} last` });
    const list = new SortableList(page);

    await page.goto(`/console/users?q=${encodeURIComponent(tag)}`);
    await list.expectSorted('Created', null, 'desc');
    await list.expectRows('@example.test', [last.email, adminEmail, first.email]);

    await list.sortBy('User');
    await list.expectSorted('User', 'email', 'asc');
    const byEmail = [first.email, adminEmail, last.email].sort();
    await list.expectRows('@example.test', byEmail);
    await list.sortBy('User');
    await list.expectRows('@example.test', [...byEmail].reverse());

    await list.sortBy('Role');
    await list.expectSorted('Role', 'role', 'asc');
    await expect.poll(() => page.getByRole('row', { name: '@example.test' }).first().getAttribute('aria-label')).toBe(adminEmail);
    await list.sortBy('Role');
    await list.expectSorted('Role', 'role', 'desc');
    await expect.poll(() => page.getByRole('row', { name: '@example.test' }).last().getAttribute('aria-label')).toBe(adminEmail);

    await list.sortBy('Status');
    await list.expectSorted('Status', 'status', 'asc');
    await list.sortBy('Created');
    await list.expectSorted('Created', 'created_at', 'desc');
    await list.sortBy('Created');
    await list.expectRows('@example.test', [first.email, adminEmail, last.email]);

    await page.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'Admins' });
    await expect(page).toHaveURL(/role=admin/);
    await list.expectRows('@example.test', [adminEmail]);
    expect(list.param('q')).toBe(tag);
  });

  test('API keys sort by Name, Created, Last used and Expires, and filter by status', async ({ page, request }) => {
    const tag = `sorted-${randomBytes(3).toString('hex')}`;
    const b = createApiKey('clients:read', `${tag}-b`);
    const a = createApiKey('clients:read', `${tag}-a`);
    const c = createApiKey('clients:read', `${tag}-c`);
    // Only b has been used; c is revoked.
    expect((await request.get('/api/clients?limit=1', { headers: bearer(b.key) })).status()).toBe(200);
    revokeApiKey(c.api_key.id);
    const names = { a: a.api_key.name, b: b.api_key.name, c: c.api_key.name };
    const list = new SortableList(page);

    await page.goto('/console/settings/api-keys');
    await list.expectSorted('Created', null, 'desc');
    await list.expectRows(tag, [names.c, names.a, names.b]);

    await list.sortBy('Name');
    await list.expectSorted('Name', 'name', 'asc');
    await list.expectRows(tag, [names.a, names.b, names.c]);
    await list.sortBy('Name');
    await list.expectRows(tag, [names.c, names.b, names.a]);
    await list.sortBy('Expires');
    await list.expectSorted('Expires', 'expires_at', 'asc');

    // A key never used reads "Never" and comes after the used ones, in either order.
    await list.sortBy('Last used');
    await list.expectSorted('Last used', 'last_used_at', 'desc');
    await expect.poll(() => page.getByRole('row', { name: tag }).first().getAttribute('aria-label')).toBe(names.b);
    await list.sortBy('Last used');
    await list.expectSorted('Last used', 'last_used_at', 'asc');
    await expect.poll(() => page.getByRole('row', { name: tag }).first().getAttribute('aria-label')).toBe(names.b);

    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Revoked' });
    await expect(page).toHaveURL(/status=revoked/);
    await list.expectRows(tag, [names.c]);
    await page.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Active' });
    await list.expectRows(tag, [names.b, names.a]);
  });
});
