import { expect, test, type APIRequestContext } from '@playwright/test';
import { createApiKey, createClient, thalamus } from '../support/cli';
import { basicAuth } from '../support/test-env';
import { registerClient } from '../support/admin-api';

// A client secret is replaced with POST /api/clients/{client_id}/secret (or the console's
// "Regenerate Secret", or `thalamus clients rotate-secret`). By default the old secret
// stops working at once, the answer to a leak. For a planned rotation the old one keeps
// working for a while, so every instance of the application can switch over first.
// A service rotates the secrets of the clients its own API key registered.

const service = { grant_types: ['client_credentials'], scopes: ['clients:read'] };

function tokenStatus(request: APIRequestContext, clientId: string, secret: string): Promise<number> {
  return request.post('/oauth/token', { headers: { Authorization: basicAuth(clientId, secret) }, form: { grant_type: 'client_credentials' } }).then((r) => r.status());
}

test.describe('Rotating a client secret', () => {
  test('a leaked secret is replaced at once: the new one works, the old one is refused', async ({ request }) => {
    const { key } = createApiKey('clients:write');
    const { client_secret: leaked, ...client } = await registerClient(request, key, { name: 'Leaky Service', ...service });
    expect(await tokenStatus(request, client.client_id, leaked!)).toBe(200);

    const rotated = await request.post(`/api/clients/${client.client_id}/secret`, { headers: { Authorization: `Bearer ${key}` } });
    expect(rotated.status()).toBe(201);
    expect(rotated.headers()['cache-control']).toBe('no-store');
    const { client_secret, ...after } = await rotated.json();
    expect(client_secret).toMatch(/^thcs_/);
    expect(after.client_secrets).toEqual([{ hint: expect.any(String), expires_at: null, last_used_at: null }]);

    expect(await tokenStatus(request, client.client_id, client_secret)).toBe(200);
    expect(await tokenStatus(request, client.client_id, leaked!)).toBe(401);
  });

  test('a retried rotation with an Idempotency-Key gets the same secret back instead of replacing it again', async ({ request }) => {
    const { key } = createApiKey('clients:write');
    const client = await registerClient(request, key, { name: 'Retrying Service', ...service });
    const headers = { Authorization: `Bearer ${key}`, 'Idempotency-Key': `rotate-${client.client_id}` };
    const first = await request.post(`/api/clients/${client.client_id}/secret`, { headers });
    const retry = await request.post(`/api/clients/${client.client_id}/secret`, { headers });
    expect([first.status(), retry.status()]).toEqual([201, 201]);
    expect(retry.headers()['idempotent-replayed']).toBe('true');
    const secret = (await first.json()).client_secret;
    expect((await retry.json()).client_secret).toBe(secret);
    expect(await tokenStatus(request, client.client_id, secret)).toBe(200);

    // The same key on another endpoint is another request, not a retry of this one.
    const elsewhere = await request.post('/api/clients', { headers, data: { name: 'Another', ...service } });
    expect(elsewhere.status()).toBe(409);
  });

  test('a planned rotation keeps the old secret working for the overlap it asks for', async ({ request }) => {
    const { key } = createApiKey('clients:write');
    const { client_secret: old, ...client } = await registerClient(request, key, { name: 'Deployed Service', ...service });
    const rotated = await request.post(`/api/clients/${client.client_id}/secret`, {
      headers: { Authorization: `Bearer ${key}` },
      data: { previous_secret_expires_in: 3600 },
    });
    expect(rotated.status()).toBe(201);
    const { client_secret, ...after } = await rotated.json();
    expect(after.client_secrets).toHaveLength(2);
    const ending = after.client_secrets.find((s: { expires_at: string | null }) => s.expires_at);
    expect(Date.parse(ending.expires_at) - Date.now()).toBeGreaterThan(3500_000);

    expect(await tokenStatus(request, client.client_id, old!)).toBe(200);
    expect(await tokenStatus(request, client.client_id, client_secret)).toBe(200);
  });

  test('the CLI rotates too; an overlap that ends refuses the old secret from then on', async ({ request }) => {
    test.setTimeout(60_000);
    const { client_secret: old, ...client } = createClient({ name: 'Cron Service', ...service });
    const { client_secret } = JSON.parse(thalamus('clients', 'rotate-secret', client.client_id, '--previous-secret-expires-in', '8'));
    expect(await tokenStatus(request, client.client_id, old!)).toBe(200);
    // The end is checked whenever the client authenticates, even by a server holding it in memory.
    await expect.poll(() => tokenStatus(request, client.client_id, old!), { timeout: 30_000, intervals: [500] }).toBe(401);
    expect(await tokenStatus(request, client.client_id, client_secret)).toBe(200);
  });

  test('bad requests say which field is wrong and change nothing', async ({ request }) => {
    const { key } = createApiKey('clients:read,clients:write');
    const { client_secret, ...client } = await registerClient(request, key, { name: 'Steady Service', ...service });
    const auth = { Authorization: `Bearer ${key}` };
    const rotate = (id: string, data?: unknown, headers = auth) => request.post(`/api/clients/${id}/secret`, { headers, ...(data === undefined ? {} : { data }) });

    for (const data of [{ previous_secret_expires_in: -5 }, { previous_secret_expires_in: 'an hour' }, { previous_secret_expires_in: 40 * 86_400 }]) {
      const refused = await rotate(client.client_id, data);
      expect(refused.status()).toBe(400);
      expect(await refused.json()).toMatchObject({ error: 'invalid_request', fields: [{ path: 'previous_secret_expires_in' }] });
    }
    const notJson = await request.post(`/api/clients/${client.client_id}/secret`, {
      headers: { ...auth, 'Content-Type': 'application/json' },
      data: '{"previous_secret_expires_in":',
    });
    expect(notJson.status()).toBe(400);

    const app = await registerClient(request, key, {
      name: 'Steady App',
      grant_types: ['authorization_code'],
      redirect_uris: ['https://steady.example.com/callback'],
      token_endpoint_auth_method: 'none',
      scopes: ['openid'],
    });
    const publicClient = await rotate(app.client_id);
    expect(publicClient.status()).toBe(400);
    expect(await publicClient.json()).toMatchObject({ fields: [{ path: 'token_endpoint_auth_method' }] });
    expect((await rotate('no-such-client')).status()).toBe(404);
    const reader = { Authorization: `Bearer ${createApiKey('clients:read').key}` };
    expect((await rotate(client.client_id, {}, reader)).status()).toBe(403);
    expect((await rotate(client.client_id, {}, { Authorization: 'Bearer thak_not-a-key' })).status()).toBe(401);

    expect(await tokenStatus(request, client.client_id, client_secret!)).toBe(200);
    const read = await (await request.get(`/api/clients/${client.client_id}`, { headers: auth })).json();
    expect(read.client_secrets).toHaveLength(1);
  });
});
