import { expect, test } from '@playwright/test';
import { createClient } from '../support/cli';
import { adminToken, bearer } from '../support/admin-api';
import { basicAuth } from '../support/test-env';
import { startExtraServer } from '../support/extra-server';

// Servers keep clients in memory so the token endpoint does not read the database on
// every request. A change must still take effect at once on the server that made it,
// and within a second on every other instance sharing the database.

test.describe('Client changes reach every instance', () => {
  test('a deleted client is refused at once by the server that deleted it and within a second by another instance', async ({ request }) => {
    test.setTimeout(90_000);
    const { client_secret, ...client } = createClient({ name: 'Short-lived Service', grant_types: ['client_credentials'], scopes: ['clients:read'] });
    const auth = { Authorization: basicAuth(client.client_id, client_secret!) };
    const tokenFrom = (base: string) => fetch(`${base}/oauth/token`, { method: 'POST', headers: auth, body: new URLSearchParams({ grant_type: 'client_credentials' }) });

    const other = await startExtraServer(Number(process.env.THALAMUS_TEST_PORT ?? 3210) + 2);
    try {
      // Both instances have now seen (and cached) the client.
      expect((await request.post('/oauth/token', { headers: auth, form: { grant_type: 'client_credentials' } })).status()).toBe(200);
      expect((await tokenFrom(other.url)).status).toBe(200);

      expect((await request.delete(`/api/clients/${client.client_id}`, { headers: bearer(await adminToken(request)) })).status()).toBe(204);

      const here = await request.post('/oauth/token', { headers: auth, form: { grant_type: 'client_credentials' } });
      expect(here.status()).toBe(401);
      expect(await here.json()).toMatchObject({ error: 'invalid_client' });

      // The other instance notices through the clients version row (checked every second).
      await expect.poll(async () => (await tokenFrom(other.url)).status, { timeout: 2_000, intervals: [100] }).toBe(401);
    } finally {
      await other.stop();
    }
  });
});
