import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { adminToken, bearer, registerClient } from '../support/admin-api';
import { createApiKey } from '../support/cli';

// GET /api/clients?sort=&order=: the console's sortable columns, with cursor paging in that order.

test.describe('Admin API: the client list’s order', () => {
  test('sorts by name both ways through cursor pages; a cursor keeps to the order it came from', async ({ request }) => {
    const { key } = createApiKey('clients:read,clients:write');
    const tag = `Ordered ${randomBytes(3).toString('hex')}`;
    for (const name of ['Bravo', 'Charlie', 'Alpha']) await registerClient(request, key, { name: `${tag} ${name}`, grant_types: ['client_credentials'], scopes: ['clients:read'] });

    const walk = async (query: string) => {
      const names: string[] = [];
      let cursor: string | null = null;
      do {
        const response = await request.get(`/api/clients?q=${encodeURIComponent(tag)}&limit=2&${query}${cursor ? `&cursor=${cursor}` : ''}`, { headers: bearer(key) });
        expect(response.status()).toBe(200);
        const page: { data: { name: string }[]; next_cursor: string | null } = await response.json();
        names.push(...page.data.map((c) => c.name.slice(tag.length + 1)));
        cursor = page.next_cursor;
      } while (cursor);
      return names;
    };
    expect(await walk('sort=name&order=asc')).toEqual(['Alpha', 'Bravo', 'Charlie']);
    expect(await walk('sort=name&order=desc')).toEqual(['Charlie', 'Bravo', 'Alpha']);
    expect(await walk('')).toEqual(['Alpha', 'Charlie', 'Bravo']);

    const first = await (await request.get(`/api/clients?q=${encodeURIComponent(tag)}&limit=1&sort=name`, { headers: bearer(key) })).json();
    const mixed = await request.get(`/api/clients?q=${encodeURIComponent(tag)}&sort=created_at&cursor=${first.next_cursor}`, { headers: bearer(key) });
    expect(mixed.status()).toBe(400);
    expect((await mixed.json()).fields[0].path).toBe('cursor');
  });

  test('an unknown sort or order is 400 naming the parameter; is_default=true lists the default clients', async ({ request }) => {
    const token = await adminToken(request);
    const badSort = await request.get('/api/clients?sort=secret', { headers: bearer(token) });
    expect(badSort.status()).toBe(400);
    expect((await badSort.json()).fields).toEqual([{ path: 'sort', message: 'Sort by one of name, client_id, status, created_at' }]);
    const badOrder = await request.get('/api/clients?order=up', { headers: bearer(token) });
    expect((await badOrder.json()).fields).toEqual([{ path: 'order', message: 'Use asc or desc' }]);

    const defaults = await (await request.get('/api/clients?is_default=true&sort=name&order=asc', { headers: bearer(token) })).json();
    expect(defaults.data.map((c: { name: string }) => c.name)).toEqual([
      'Admin Client',
      'Sync Service Client',
      'Thalamus Console',
      'Thalamus Desktop Agent',
      'Thalamus Mobile App',
    ]);
  });
});
