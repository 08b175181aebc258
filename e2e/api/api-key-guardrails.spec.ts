import { expect, test, type APIRequestContext } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { createApiKey, thalamus, type CreatedApiKey } from '../support/cli';
import { adminToken, bearer } from '../support/admin-api';
import { adminClient, basicAuth } from '../support/test-env';

// Guardrails: a key is created with what its service may register (grant types, scopes,
// redirect-URI hosts, an organization, a number of clients) and how fast it may write.
// Every write it makes must stay inside them; a request outside is refused whole with
// the field that broke the rule.

function guardedKey(...options: string[]): CreatedApiKey {
  const name = `guarded-${randomBytes(4).toString('hex')}`;
  return JSON.parse(thalamus('api-keys', 'create', '--name', name, '--scopes', 'clients:read,clients:write', ...options, '--json')) as CreatedApiKey;
}

async function register(request: APIRequestContext, key: string, body: Record<string, unknown>) {
  const response = await request.post('/api/clients', { headers: bearer(key), data: body });
  return { status: response.status(), body: await response.json() };
}

const inside = { name: 'Directory Reader', grant_types: ['client_credentials'], scopes: ['directory:read'] };
const web = (uri: string) => ({ name: 'Web App', grant_types: ['authorization_code'], redirect_uris: [uri], scopes: ['directory:read'] });

test.describe('API key guardrails', () => {
  test('a key limited to client_credentials, directory:read, *.corp.example and 2 clients is refused for each rule it breaks, and accepted inside them', async ({ request }) => {
    const { key, api_key } = guardedKey(
      '--allowed-grant-types',
      'client_credentials,authorization_code',
      '--allowed-scopes',
      'directory:read',
      '--allowed-redirect-hosts',
      '*.corp.example',
      '--max-clients',
      '2',
    );
    expect(api_key).toMatchObject({ allowed_scopes: ['directory:read'], allowed_redirect_hosts: ['*.corp.example'], max_clients: 2, writes_per_minute: 60 });

    const wrongGrant = await register(request, key, {
      ...inside,
      grant_types: ['client_credentials', 'authorization_code', 'refresh_token'],
      redirect_uris: ['https://app.corp.example/cb'],
    });
    expect(wrongGrant.status).toBe(403);
    expect(wrongGrant.body.fields).toEqual([{ path: 'grant_types[2]', message: expect.stringContaining('client_credentials') }]);

    const wrongScope = await register(request, key, { ...inside, scopes: ['directory:read', 'directory:write'] });
    expect(wrongScope.status).toBe(403);
    expect(wrongScope.body.fields.map((f: { path: string }) => f.path)).toEqual(['scopes[1]']);

    for (const uri of ['https://corp.example/cb', 'https://evil.example/cb', 'https://app.corp.example.evil.example/cb']) {
      const wrongHost = await register(request, key, web(uri));
      expect(wrongHost.status, uri).toBe(403);
      expect(
        wrongHost.body.fields.map((f: { path: string }) => f.path),
        uri,
      ).toEqual(['redirect_uris[0]']);
    }

    expect((await register(request, key, web('https://billing.corp.example/callback'))).status).toBe(201);
    expect((await register(request, key, inside)).status).toBe(201);
    const third = await register(request, key, inside);
    expect(third.status).toBe(403);
    expect(third.body).toMatchObject({ error: 'forbidden', fields: [{ path: 'max_clients' }] });
    expect(third.body.error_description).toMatch(/at most 2 clients/);
  });

  test('a later write must satisfy the guardrails, and changing them never rewrites existing clients', async ({ request }) => {
    const { key, api_key } = guardedKey('--allowed-scopes', 'directory:read,directory:write');
    const created = await register(request, key, { ...inside, scopes: ['directory:read', 'directory:write'] });
    expect(created.status).toBe(201);
    const id = created.body.client_id;

    const platform = bearer(await adminToken(request));
    const narrowed = await request.patch(`/api/api-keys/${api_key.id}`, { headers: platform, data: { allowed_scopes: ['directory:read'] } });
    expect(narrowed.status()).toBe(200);
    expect(await narrowed.json()).toMatchObject({ allowed_scopes: ['directory:read'] });

    // The client still has both scopes; renaming it now needs it to come within the new guardrails.
    expect((await (await request.get(`/api/clients/${id}`, { headers: bearer(key) })).json()).scopes).toEqual(['directory:read', 'directory:write']);
    const rename = await request.patch(`/api/clients/${id}`, { headers: bearer(key), data: { name: 'Renamed' } });
    expect(rename.status()).toBe(403);
    expect((await rename.json()).fields.map((f: { path: string }) => f.path)).toEqual(['scopes[1]']);
    const fixed = await request.patch(`/api/clients/${id}`, { headers: bearer(key), data: { name: 'Renamed', scopes: ['directory:read'] } });
    expect(fixed.status()).toBe(200);
  });

  test('a key bound to an organization registers into it and cannot register elsewhere', async ({ request }) => {
    const platform = bearer(await adminToken(request));
    const organization = await (await request.post('/api/organizations', { headers: platform, data: { name: `Tenant ${randomBytes(4).toString('hex')}` } })).json();
    const { key } = guardedKey('--organization', organization.id);

    const placed = await register(request, key, inside);
    expect(placed.status).toBe(201);
    expect(placed.body.organization_id).toBe(organization.id);

    const elsewhere = await register(request, key, { ...inside, organization_id: 'org_default' });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.fields.map((f: { path: string }) => f.path)).toEqual(['organization_id']);
  });

  test('guardrail values are validated like client fields', async ({ request }) => {
    const platform = bearer(await adminToken(request));
    const cases: [Record<string, unknown>, string][] = [
      [{ allowed_redirect_hosts: ['https://billing.example.com'] }, 'allowed_redirect_hosts[0]'],
      [{ allowed_redirect_hosts: ['*'] }, 'allowed_redirect_hosts[0]'],
      [{ allowed_grant_types: ['password'] }, 'allowed_grant_types[0]'],
      [{ allowed_scopes: ['no-such-scope'] }, 'allowed_scopes[0]'],
      [{ allowed_scopes: ['admin'] }, 'allowed_scopes[0]'],
      [{ organization_id: 'org_nope' }, 'organization_id'],
      [{ max_clients: -1 }, 'max_clients'],
      [{ writes_per_minute: 0 }, 'writes_per_minute'],
    ];
    for (const [guardrail, path] of cases) {
      const response = await request.post('/api/api-keys', { headers: platform, data: { name: 'Bad guardrail', scopes: ['clients:write'], ...guardrail } });
      expect(response.status(), path).toBe(400);
      expect(
        (await response.json()).fields.map((f: { path: string }) => f.path),
        path,
      ).toContain(path);
    }
  });

  test('no key may give a client the admin scope', async ({ request }) => {
    const { key } = createApiKey('clients:write');
    const response = await register(request, key, { ...inside, scopes: ['directory:read', 'admin'] });
    expect(response.status).toBe(403);
    expect(response.body.fields).toEqual([{ path: 'scopes[1]', message: 'The admin scope is granted by super admins only' }]);
  });

  test('past its writes per minute a key gets 429 with Retry-After; reads go on', async ({ request }) => {
    const { key } = guardedKey('--writes-per-minute', '3');
    for (let i = 0; i < 3; i++) expect((await register(request, key, { ...inside, name: `Burst ${i}` })).status).toBe(201);
    const limited = await request.post('/api/clients', { headers: bearer(key), data: { ...inside, name: 'Burst 3' } });
    expect(limited.status()).toBe(429);
    expect(Number(limited.headers()['retry-after'])).toBeGreaterThan(0);
    expect(Number(limited.headers()['retry-after'])).toBeLessThanOrEqual(60);
    expect(await limited.json()).toMatchObject({ error: 'rate_limited' });
    expect((await request.get('/api/clients', { headers: bearer(key) })).status()).toBe(200);
    const listed = await (await request.get(`/api/clients?q=Burst`, { headers: bearer(key) })).json();
    expect(listed.data).toHaveLength(3);
  });
});

test.describe('The Admin Client is the platform credential', () => {
  test('an Admin Client token creates an API key, the key registers a client, and the token revokes the key', async ({ request }) => {
    const platform = bearer(await adminToken(request));
    const created = await request.post('/api/api-keys', { headers: platform, data: { name: 'Provisioned by automation', scopes: ['clients:read', 'clients:write'] } });
    expect(created.status()).toBe(201);
    const { api_key, key } = await created.json();
    expect(key).toMatch(/^thak_/);

    const client = await register(request, key, inside);
    expect(client.status).toBe(201);
    const all = await (await request.get(`/api/clients/${client.body.client_id}`, { headers: platform })).json();
    expect(all.registered_by).toBe(`API key Provisioned by automation · ${api_key.hint}`);
    const listed = await (await request.get('/api/api-keys', { headers: platform })).json();
    expect(listed.data.map((k: { id: string }) => k.id)).toContain(api_key.id);

    expect((await request.delete(`/api/api-keys/${api_key.id}`, { headers: platform })).status()).toBe(204);
    expect((await request.get('/api/clients', { headers: bearer(key) })).status()).toBe(401);
  });

  test('a clients:write API key cannot reach /api/api-keys', async ({ request }) => {
    const { key, api_key } = createApiKey('clients:read,clients:write');
    for (const response of [
      await request.get('/api/api-keys', { headers: bearer(key) }),
      await request.post('/api/api-keys', { headers: bearer(key), data: { name: 'Escalated', scopes: ['clients:write'] } }),
      await request.delete(`/api/api-keys/${api_key.id}`, { headers: bearer(key) }),
    ]) {
      expect(response.status()).toBe(403);
      expect(await response.json()).toMatchObject({ error: 'insufficient_scope' });
    }
  });

  test('a revoked admin token stops at once; a token without the admin scope never worked', async ({ request }) => {
    const token = await adminToken(request);
    expect((await request.get('/api/clients', { headers: bearer(token) })).status()).toBe(200);
    expect((await request.post('/oauth/revoke', { headers: { Authorization: basicAuth(adminClient.id, adminClient.secret) }, form: { token } })).status()).toBe(200);
    expect((await request.get('/api/clients', { headers: bearer(token) })).status()).toBe(401);

    const narrow = await request.post('/oauth/token', {
      headers: { Authorization: basicAuth(adminClient.id, adminClient.secret) },
      form: { grant_type: 'client_credentials', scope: 'clients:read' },
    });
    const narrowToken = (await narrow.json()).access_token as string;
    expect((await request.get('/api/clients', { headers: bearer(narrowToken) })).status()).toBe(401);
  });
});
