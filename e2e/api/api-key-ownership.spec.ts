import { expect, test } from '@playwright/test';
import { basicAuth } from '../support/test-env';
import { adminToken, bearer, issueApiKey, registerClient } from '../support/admin-api';
import { createDb } from '../../lib/db/client';

// One service, one key, its own clients. Each service gets its own admin API key and
// registers itself with it; the key then manages the clients it registered and nothing
// else, so a leaked or careless key cannot reach another service's clients or the
// default clients that Thalamus's own console and apps sign people in with.

const service = { grant_types: ['client_credentials'], scopes: ['directory:read'] };
const DEFAULT_CLIENTS = ['thalamus_admin_client', 'thalamus_sync_client', 'thalamus-mobile-app', 'thalamus-desktop-agent', 'thalamus-console'];

test.describe('An API key manages only its own clients', () => {
  test("key B cannot see, read, change, rotate, disable or delete key A's client, which keeps working", async ({ request }) => {
    const a = await issueApiKey(request, { name: 'billing' });
    const b = await issueApiKey(request, { name: 'reporting' });
    const { client_secret, ...client } = await registerClient(request, a.key, { name: 'Billing Worker', ...service });
    expect(client).toMatchObject({ owner_api_key_id: a.api_key.id, registered_by: `API key billing · ${a.api_key.hint}` });

    const asB = bearer(b.key);
    const answers = [
      await request.get(`/api/clients/${client.client_id}`, { headers: asB }),
      await request.patch(`/api/clients/${client.client_id}`, { headers: asB, data: { name: 'Taken over' } }),
      await request.patch(`/api/clients/${client.client_id}`, { headers: asB, data: { enabled: false } }),
      await request.post(`/api/clients/${client.client_id}/secret`, { headers: asB }),
      await request.delete(`/api/clients/${client.client_id}`, { headers: asB }),
    ];
    for (const answer of answers) {
      expect(answer.status()).toBe(404);
      // The same answer as for a client that does not exist: nothing tells B it does.
      expect(await answer.json()).toMatchObject({ error: 'not_found', error_description: `No client has the ID ${client.client_id}` });
    }
    const listedForB = await (await request.get(`/api/clients?q=${encodeURIComponent('Billing Worker')}`, { headers: asB })).json();
    expect(listedForB.data).toEqual([]);
    const listedForA = await (await request.get(`/api/clients?q=${encodeURIComponent('Billing Worker')}`, { headers: bearer(a.key) })).json();
    expect(listedForA.data.map((c: { client_id: string }) => c.client_id)).toEqual([client.client_id]);

    const token = await request.post('/oauth/token', { headers: { Authorization: basicAuth(client.client_id, client_secret!) }, form: { grant_type: 'client_credentials' } });
    expect(token.status()).toBe(200);
    expect((await request.get(`/api/clients/${client.client_id}`, { headers: bearer(a.key) })).status()).toBe(200);
  });

  test('a key disables and enables its own client through PATCH enabled', async ({ request }) => {
    const { key } = await issueApiKey(request, { name: 'seasonal' });
    const { client_secret, ...client } = await registerClient(request, key, { name: 'Seasonal Worker', ...service });
    const tokenStatus = async () =>
      (await request.post('/oauth/token', { headers: { Authorization: basicAuth(client.client_id, client_secret!) }, form: { grant_type: 'client_credentials' } })).status();

    const disabled = await request.patch(`/api/clients/${client.client_id}`, { headers: bearer(key), data: { enabled: false } });
    expect(disabled.status()).toBe(200);
    expect(await disabled.json()).toMatchObject({ enabled: false });
    expect(await tokenStatus()).toBe(401);

    const enabled = await request.patch(`/api/clients/${client.client_id}`, { headers: bearer(key), data: { enabled: true } });
    expect(await enabled.json()).toMatchObject({ enabled: true });
    expect(await tokenStatus()).toBe(200);

    const bad = await request.patch(`/api/clients/${client.client_id}`, { headers: bearer(key), data: { enabled: 'no' } });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).fields).toEqual([{ path: 'enabled', message: 'Use true or false' }]);
  });

  test('revoking a key leaves its clients working, owned by no key, and says so in the audit log', async ({ request }) => {
    const owner = await issueApiKey(request, { name: 'short-lived' });
    const { client_secret, ...client } = await registerClient(request, owner.key, { name: 'Orphaned Worker', ...service });
    const platform = bearer(await adminToken(request));
    expect((await request.delete(`/api/api-keys/${owner.api_key.id}`, { headers: platform })).status()).toBe(204);

    const token = await request.post('/oauth/token', { headers: { Authorization: basicAuth(client.client_id, client_secret!) }, form: { grant_type: 'client_credentials' } });
    expect(token.status()).toBe(200);
    expect(await (await request.get(`/api/clients/${client.client_id}`, { headers: platform })).json()).toMatchObject({ owner_api_key_id: null });
    const db = createDb();
    try {
      const revoked = await db.auditEvent.findFirst({ where: { targetId: owner.api_key.id, action: 'api_key.revoked' } });
      expect(JSON.parse(revoked!.changes).released_clients).toEqual([client.client_id]);
    } finally {
      await db.$disconnect();
    }
  });
});

test.describe("Default clients are out of every API credential's reach", () => {
  for (const clientId of DEFAULT_CLIENTS) {
    test(`${clientId}: redirect URIs, scopes, enabled, secret and deletion are refused to every key`, async ({ request }) => {
      const { key } = await issueApiKey(request, { name: `curious-${clientId}` });
      const writes = [
        await request.patch(`/api/clients/${clientId}`, { headers: bearer(key), data: { redirect_uris: ['https://evil.example/cb'] } }),
        await request.patch(`/api/clients/${clientId}`, { headers: bearer(key), data: { scopes: ['openid'] } }),
        await request.patch(`/api/clients/${clientId}`, { headers: bearer(key), data: { enabled: false } }),
        await request.post(`/api/clients/${clientId}/secret`, { headers: bearer(key) }),
        await request.delete(`/api/clients/${clientId}`, { headers: bearer(key) }),
      ];
      for (const write of writes) {
        expect(write.status()).toBe(403);
        expect(await write.json()).toMatchObject({ error: 'forbidden', error_description: expect.stringMatching(/Default clients are managed by Thalamus/) });
      }
    });
  }

  test('the platform token cannot change them either, and the mobile app keeps its redirect URI', async ({ request }) => {
    const platform = bearer(await adminToken(request));
    const hijack = await request.patch('/api/clients/thalamus-mobile-app', { headers: platform, data: { redirect_uris: ['https://evil.example/cb'] } });
    expect(hijack.status()).toBe(403);
    const app = await (await request.get('/api/clients/thalamus-mobile-app', { headers: platform })).json();
    expect(app.redirect_uris).toEqual(['com.thalamus.mobile:/oauth/callback']);
    expect((await request.post('/api/clients/thalamus-console/secret', { headers: platform })).status()).toBe(403);
  });
});
