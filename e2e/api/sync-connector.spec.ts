import { expect, test } from '@playwright/test';
import { adminToken, bearer } from '../support/admin-api';
import { createClient } from '../support/cli';
import { basicAuth } from '../support/test-env';

// "Sync Connector Client" is a preset: the caller names the client and Thalamus fills in
// the client credentials grant and the directory scopes, the same through the admin API,
// the CLI and the console.

const preset = { client_type: 'sync_connector', application_type: 'web', grant_types: ['client_credentials'], scopes: ['directory:read', 'directory:write'], redirect_uris: [] };

test('POST /api/clients with only a name and client_type sync_connector registers the preset, and its secret gets a directory token', async ({ request }) => {
  const created = await request.post('/api/clients', { headers: bearer(await adminToken(request)), data: { name: 'LDAP Sync (API)', client_type: 'sync_connector' } });
  expect(created.status(), await created.text()).toBe(201);
  const { client_secret, ...client } = await created.json();
  expect(client).toMatchObject({ ...preset, name: 'LDAP Sync (API)', token_endpoint_auth_method: 'client_secret_basic' });

  const token = await request.post('/oauth/token', {
    headers: { Authorization: basicAuth(client.client_id, client_secret) },
    form: { grant_type: 'client_credentials', scope: 'directory:read directory:write' },
  });
  expect(token.status(), await token.text()).toBe(200);
  expect((await token.json()).scope).toBe('directory:read directory:write');

  // The same request through the CLI gives the same client.
  const fromCli = createClient({ name: 'LDAP Sync (CLI)', client_type: 'sync_connector' });
  expect(fromCli).toMatchObject({ ...preset, name: 'LDAP Sync (CLI)' });
});

test('fields that contradict the Sync Connector preset are refused with 400 naming them', async ({ request }) => {
  const refused = await request.post('/api/clients', {
    headers: bearer(await adminToken(request)),
    data: { name: 'Odd Sync', client_type: 'sync_connector', grant_types: ['authorization_code'], redirect_uris: ['https://odd.example.test/callback'] },
  });
  expect(refused.status()).toBe(400);
  const body = await refused.json();
  expect(body.error).toBe('invalid_request');
  expect(body.fields.map((f: { path: string }) => f.path)).toEqual(['grant_types', 'redirect_uris']);
  expect(body.fields[0].message).toContain('client_credentials');

  // Sent with the preset's own values, the same fields are fine.
  const agreeing = await request.post('/api/clients', {
    headers: bearer(await adminToken(request)),
    data: { name: 'Even Sync', client_type: 'sync_connector', grant_types: ['client_credentials'], scopes: ['directory:write', 'directory:read'] },
  });
  expect(agreeing.status(), await agreeing.text()).toBe(201);
});
