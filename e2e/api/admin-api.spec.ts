import { expect, test } from '@playwright/test';
import { createApiKey, revokeApiKey } from '../support/cli';
import { basicAuth } from '../support/test-env';

// Services register themselves: an admin API key (created once with the CLI), then
// POST /api/clients, then the usual OAuth endpoints with the returned credentials.

const registration = {
  name: 'Payroll Service',
  description: 'Registers itself at deploy time',
  grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
  redirect_uris: ['https://payroll.example.com/oauth/callback'],
  scopes: ['openid', 'profile', 'email', 'clients:read'],
};

type Described = { last_used_at?: unknown; client_secrets: { last_used_at?: unknown }[] };
const withoutLastUse = ({ last_used_at: _client, client_secrets, ...rest }: Described) => ({
  ...rest,
  client_secrets: client_secrets.map(({ last_used_at: _secret, ...secret }) => secret),
});

test.describe('Admin API: /api/clients', () => {
  test('a service registers itself, gets a token with its new secret, and is listed, read, changed and deleted', async ({ request }) => {
    const { key } = createApiKey('clients:read,clients:write');
    const auth = { Authorization: `Bearer ${key}` };

    const created = await request.post('/api/clients', { headers: auth, data: registration });
    expect(created.status()).toBe(201);
    // The RFC 7591 §3.2.1 shape: the client's fields at the top level, the secret beside them.
    const { client_secret, client_secret_expires_at, ...client } = await created.json();
    expect(client).toMatchObject({ name: 'Payroll Service', grant_types: registration.grant_types, token_endpoint_auth_method: 'client_secret_basic', is_default: false });
    expect(client.client_id).toMatch(/^\w{20}$/);
    expect(client_secret).toMatch(/^thcs_/);
    expect(client_secret_expires_at).toBe(0);

    const token = await request.post('/oauth/token', {
      headers: { Authorization: basicAuth(client.client_id, client_secret) },
      form: { grant_type: 'client_credentials', scope: 'clients:read' },
    });
    expect(token.status()).toBe(200);

    const list = await (await request.get('/api/clients?q=payroll%20serv', { headers: auth })).json();
    expect(list.data.map((c: { client_id: string }) => c.client_id)).toContain(client.client_id);

    const read = await (await request.get(`/api/clients/${client.client_id}`, { headers: auth })).json();
    // The same client, but for its last use: the token request above (written just after it).
    expect(withoutLastUse(read)).toEqual(withoutLastUse(client));
    expect(JSON.stringify(read)).not.toContain(client_secret);

    const patched = await request.patch(`/api/clients/${client.client_id}`, { headers: auth, data: { name: 'Payroll', require_consent: true } });
    expect(patched.status()).toBe(200);
    expect(await patched.json()).toMatchObject({ name: 'Payroll', require_consent: true, redirect_uris: registration.redirect_uris });

    expect((await request.delete(`/api/clients/${client.client_id}`, { headers: auth })).status()).toBe(204);
    expect((await request.get(`/api/clients/${client.client_id}`, { headers: auth })).status()).toBe(404);
    const after = await request.post('/oauth/token', { headers: { Authorization: basicAuth(client.client_id, client_secret) }, form: { grant_type: 'client_credentials' } });
    expect(after.status()).toBe(401);
  });

  test('cursor paging walks the whole list without repeats', async ({ request }) => {
    const { key } = createApiKey('clients:read,clients:write');
    const auth = { Authorization: `Bearer ${key}` };
    for (let i = 0; i < 3; i++) {
      await request.post('/api/clients', { headers: auth, data: { name: `Paged ${i}`, grant_types: ['client_credentials'], scopes: ['clients:read'] } });
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { data: { client_id: string }[]; next_cursor: string | null } = await (
        await request.get(`/api/clients?limit=2${cursor ? `&cursor=${cursor}` : ''}`, { headers: auth })
      ).json();
      seen.push(...page.data.map((c) => c.client_id));
      cursor = page.next_cursor;
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    // A key lists the clients it registered, and only those.
    expect(seen).toHaveLength(3);
  });

  test('a read-only key cannot write, and a revoked key stops working at once', async ({ request }) => {
    const readOnly = createApiKey('clients:read');
    const denied = await request.post('/api/clients', { headers: { Authorization: `Bearer ${readOnly.key}` }, data: registration });
    expect(denied.status()).toBe(403);
    expect(await denied.json()).toMatchObject({ error: 'insufficient_scope', fields: [] });
    expect((await request.get('/api/clients', { headers: { Authorization: `Bearer ${readOnly.key}` } })).status()).toBe(200);

    revokeApiKey(readOnly.api_key.id);
    const revoked = await request.get('/api/clients', { headers: { Authorization: `Bearer ${readOnly.key}` } });
    expect(revoked.status()).toBe(401);
    expect((await revoked.json()).error).toBe('unauthorized');
    expect((await request.get('/api/clients')).status()).toBe(401);
  });

  test('an Idempotency-Key retry returns the first registration instead of a second client', async ({ request }) => {
    const { key } = createApiKey('clients:read,clients:write');
    const headers = { Authorization: `Bearer ${key}`, 'Idempotency-Key': `deploy-${Date.now()}` };
    const body = { ...registration, name: `Idempotent ${Date.now()}` };
    const first = await request.post('/api/clients', { headers, data: body });
    const retry = await request.post('/api/clients', { headers, data: body });
    expect(first.status()).toBe(201);
    expect(retry.status()).toBe(201);
    const [a, b] = [await first.json(), await retry.json()];
    expect(b.client_id).toBe(a.client_id);
    expect(b.client_secret).toBe(a.client_secret);
    expect(retry.headers()['idempotent-replayed']).toBe('true');
    const list = await (await request.get(`/api/clients?q=${encodeURIComponent(body.name)}`, { headers: { Authorization: `Bearer ${key}` } })).json();
    expect(list.data).toHaveLength(1);

    const different = await request.post('/api/clients', { headers, data: { ...body, name: 'Something else' } });
    expect(different.status()).toBe(409);
  });

  test('default clients cannot be deleted, and no API key may change them', async ({ request }) => {
    const { key } = createApiKey('clients:read,clients:write');
    const auth = { Authorization: `Bearer ${key}` };
    const deleted = await request.delete('/api/clients/thalamus_admin_client', { headers: auth });
    expect(deleted.status()).toBe(403);
    const renamed = await request.patch('/api/clients/thalamus-mobile-app', { headers: auth, data: { description: 'Our iOS and Android app' } });
    expect(renamed.status()).toBe(403);
    expect((await renamed.json()).error_description).toMatch(/Default clients are managed by Thalamus/);
  });
});

test('/api/api-keys needs a super admin signed in to the console', async ({ request }) => {
  const response = await request.post('/api/api-keys', { data: { name: 'Anonymous', scopes: ['clients:write'] } });
  expect(response.status()).toBe(401);
  expect(await response.json()).toMatchObject({ error: 'unauthorized' });
});

test('organizations are created through the API and filter the client list', async ({ request }) => {
  const { key } = createApiKey('clients:read,clients:write');
  const auth = { Authorization: `Bearer ${key}` };
  const created = await request.post('/api/organizations', { headers: auth, data: { name: `Acme ${Date.now()}`, description: 'A tenant' } });
  expect(created.status()).toBe(201);
  const organization = await created.json();
  const client = await (
    await request.post('/api/clients', {
      headers: auth,
      data: { name: 'Acme Worker', organization_id: organization.id, grant_types: ['client_credentials'], scopes: ['clients:read'] },
    })
  ).json();
  expect(client.organization_id).toBe(organization.id);
  const filtered = await (await request.get(`/api/clients?organization_id=${organization.id}`, { headers: auth })).json();
  expect(filtered.data.map((c: { client_id: string }) => c.client_id)).toEqual([client.client_id]);
  const all = await (await request.get('/api/organizations', { headers: auth })).json();
  expect(all.data.find((o: { id: string }) => o.id === organization.id)).toMatchObject({ client_count: 1 });
  const duplicate = await request.post('/api/organizations', { headers: auth, data: { name: organization.name } });
  expect(duplicate.status()).toBe(409);
});
