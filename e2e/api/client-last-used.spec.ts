import { expect, test } from '@playwright/test';
import { bearer, registerClient } from '../support/admin-api';
import { createApiKey } from '../support/cli';
import { requestToken } from '../support/token-request';

// Stale clients are found by when they last obtained a token: every client and every
// client secret records it (at most once a minute, never while the token request waits).

test('a client and the secret it used show when they last got a token; a new one shows never', async ({ request }) => {
  const key = createApiKey('clients:read,clients:write').key;
  const client = await registerClient(request, key, { name: 'Nightly export', grant_types: ['client_credentials'], scopes: ['directory:read'] });
  const read = async () =>
    (await (await request.get(`/api/clients/${client.client_id}`, { headers: bearer(key) })).json()) as {
      last_used_at: string | null;
      client_secrets: { hint: string; last_used_at: string | null }[];
    };
  expect(await read()).toMatchObject({ last_used_at: null, client_secrets: [{ last_used_at: null }] });

  const before = Date.now();
  expect((await requestToken(request, { id: client.client_id, secret: client.client_secret! }, { grant_type: 'client_credentials' })).status()).toBe(200);
  await expect.poll(async () => (await read()).last_used_at).not.toBeNull();
  const used = await read();
  expect(Date.parse(used.last_used_at!)).toBeGreaterThanOrEqual(before - 1000);
  expect(used.client_secrets[0]!.last_used_at).not.toBeNull();
});
