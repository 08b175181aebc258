import { expect, test, type APIRequestContext } from '@playwright/test';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { tokenVerifier } from '../../examples/resource-server';
import { adminToken, bearer } from '../support/admin-api';
import { createClient, type CreatedClient } from '../support/cli';
import { baseURL, basicAuth } from '../support/test-env';
import { requestToken } from '../support/token-request';

const BILLING = 'https://billing.acceptance.example';
const jwks = createRemoteJWKSet(new URL(`${baseURL}/oauth/jwks`));
const secretOf = (client: CreatedClient) => ({ id: client.client_id, secret: client.client_secret! });

async function createResource(request: APIRequestContext, body: Record<string, unknown>) {
  return request.post('/api/resources', { headers: bearer(await adminToken(request)), data: body });
}

test.describe('API resources: tokens for your own APIs (RFC 8707, RFC 9068)', () => {
  test.describe.configure({ mode: 'serial' });
  let billingId: string;
  let billingClient: CreatedClient;
  const clients: CreatedClient[] = [];
  const made = (client: CreatedClient) => (clients.push(client), client);

  // Scope names are one registry: the console's OAuth Scopes test adds invoices:read too.
  test.afterAll(async ({ request }) => {
    const headers = bearer(await adminToken(request));
    for (const client of clients) await request.delete(`/api/clients/${client.client_id}`, { headers });
    const { data } = await (await request.get('/api/resources', { headers })).json();
    for (const api of data.filter((r: { protected: boolean }) => !r.protected)) await request.delete(`/api/resources/${api.id}`, { headers });
  });

  test('an API created with the admin API lists its scopes', async ({ request }) => {
    const response = await createResource(request, {
      name: 'Billing',
      identifier: BILLING,
      description: 'Invoices and payments',
      scopes: [
        { name: 'invoices:read', description: 'Read your invoices' },
        { name: 'invoices:write', description: 'Create and change invoices' },
      ],
    });
    expect(response.status(), await response.text()).toBe(201);
    const created = await response.json();
    expect(created).toMatchObject({ name: 'Billing', identifier: BILLING, access_token_format: 'jwt', protected: false });
    expect(created.scopes.map((s: { name: string }) => s.name)).toEqual(['invoices:read', 'invoices:write']);
    billingId = created.id;

    const listed = await request.get('/api/resources', { headers: bearer(await adminToken(request)) });
    const identifiers = (await listed.json()).data.map((r: { identifier: string }) => r.identifier);
    expect(identifiers).toEqual([`${baseURL}/api`, ...identifiers.slice(1)]);
    expect(identifiers).toContain(BILLING);
  });

  test('a client granted invoices:read gets a JWT for the API with exactly that scope', async ({ request }) => {
    billingClient = made(createClient({ name: 'Billing worker', grant_types: ['client_credentials'], scopes: ['invoices:read'] }));
    const response = await requestToken(request, secretOf(billingClient), { grant_type: 'client_credentials', resource: BILLING, scope: 'invoices:read' });
    expect(response.status(), await response.text()).toBe(200);
    const body = await response.json();
    expect(body.scope).toBe('invoices:read');

    const { payload, protectedHeader } = await jwtVerify(body.access_token, jwks, { issuer: baseURL, audience: BILLING, typ: 'at+jwt' });
    expect(protectedHeader.alg).toBe('ES256');
    expect(payload).toMatchObject({ aud: BILLING, scope: 'invoices:read', client_id: billingClient.client_id, sub: billingClient.client_id });
    expect(payload.jti).toEqual(expect.any(String));
  });

  test('a scope the client is not granted is invalid_scope; an unknown API is invalid_target', async ({ request }) => {
    const write = await requestToken(request, secretOf(billingClient), { grant_type: 'client_credentials', resource: BILLING, scope: 'invoices:write' });
    expect(write.status()).toBe(400);
    expect((await write.json()).error).toBe('invalid_scope');

    const unknown = await requestToken(request, secretOf(billingClient), {
      grant_type: 'client_credentials',
      resource: 'https://nowhere.acceptance.example',
      scope: 'invoices:read',
    });
    expect(unknown.status()).toBe(400);
    expect((await unknown.json()).error).toBe('invalid_target');
  });

  test('registering a client with a scope no API or registry knows is refused at its position', async ({ request }) => {
    const response = await request.post('/api/clients', {
      headers: bearer(await adminToken(request)),
      data: { name: 'Unknown scope', grant_types: ['client_credentials'], scopes: ['invoices:delete'] },
    });
    expect(response.status()).toBe(400);
    expect((await response.json()).fields[0]).toMatchObject({ path: 'scopes[0]', message: expect.stringContaining('invoices:delete') });
  });

  test('a client whose default API is Billing gets Billing tokens without naming it', async ({ request }) => {
    const service = made(createClient({ name: 'Billing API', grant_types: ['client_credentials'], scopes: ['invoices:read'], default_resource: BILLING }));
    const plain = await requestToken(request, secretOf(service), { grant_type: 'client_credentials', scope: 'invoices:read' });
    expect(plain.status(), await plain.text()).toBe(200);
    const { payload } = await jwtVerify((await plain.json()).access_token, jwks, { issuer: baseURL, audience: BILLING });
    expect(payload.scope).toBe('invoices:read');
  });

  test('bad input is refused with the field to fix, never a 500', async ({ request }) => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'Plain', identifier: 'http://billing.acceptance.example' }, 'identifier'],
      [{ name: 'Fragment', identifier: 'https://billing.acceptance.example/#v1' }, 'identifier'],
      [{ name: 'Relative', identifier: '/billing' }, 'identifier'],
      [{ name: 'Spaces', identifier: 'urn:acceptance:spaced', scopes: [{ name: 'has space', description: 'x' }] }, 'scopes[0].name'],
      [
        {
          name: 'Twice',
          identifier: 'urn:acceptance:twice',
          scopes: [
            { name: 'a:b', description: 'x' },
            { name: 'a:b', description: 'y' },
          ],
        },
        'scopes[1].name',
      ],
      [{ name: 'Short', identifier: 'urn:acceptance:short', access_token_lifetime: 5 }, 'access_token_lifetime'],
    ];
    for (const [body, path] of cases) {
      const response = await createResource(request, body);
      expect(response.status(), JSON.stringify(body)).toBe(400);
      expect((await response.json()).fields[0].path).toBe(path);
    }
    const again = await createResource(request, { name: 'Billing again', identifier: BILLING });
    expect(again.status()).toBe(409);
    const taken = await createResource(request, { name: 'Other', identifier: 'urn:acceptance:other', scopes: [{ name: 'invoices:read', description: 'x' }] });
    expect(taken.status()).toBe(409);
    expect((await taken.json()).fields[0].path).toBe('scopes[0].name');
  });

  test("an API clients use cannot be deleted (409 naming them); Thalamus's own API never", async ({ request }) => {
    const headers = bearer(await adminToken(request));
    const refused = await request.delete(`/api/resources/${billingId}`, { headers });
    expect(refused.status()).toBe(409);
    expect((await refused.json()).error_description).toContain(billingClient.client_id);
    const scopeInUse = await request.delete(`/api/resources/${billingId}/scopes/invoices:read`, { headers });
    expect(scopeInUse.status()).toBe(409);

    const unused = await request.delete(`/api/resources/${billingId}/scopes/${encodeURIComponent('invoices:write')}`, { headers });
    expect(unused.status()).toBe(200);
    expect((await unused.json()).scopes.map((s: { name: string }) => s.name)).toEqual(['invoices:read']);

    const own = (await (await request.get('/api/resources', { headers })).json()).data[0];
    expect(own).toMatchObject({ identifier: `${baseURL}/api`, protected: true });
    expect(own.scopes.map((s: { name: string }) => s.name)).toEqual(expect.arrayContaining(['clients:read', 'clients:write', 'directory:read', 'directory:write']));
    expect((await request.delete(`/api/resources/${own.id}`, { headers })).status()).toBe(403);
  });

  test('an opaque-token API: introspection reports the audience and scope to its resource server only', async ({ request }) => {
    const created = await createResource(request, {
      name: 'Ledger',
      identifier: 'urn:acceptance:ledger',
      access_token_format: 'opaque',
      access_token_lifetime: 300,
      scopes: [{ name: 'ledger:read', description: 'Read the ledger' }],
    });
    expect(created.status()).toBe(201);
    const caller = made(createClient({ name: 'Ledger reader', grant_types: ['client_credentials'], scopes: ['ledger:read', 'invoices:read'] }));
    const server = made(createClient({ name: 'Ledger API', grant_types: ['client_credentials'], scopes: ['ledger:read'], default_resource: 'urn:acceptance:ledger' }));
    // invoices:read is the client's, but Billing's: a Ledger token leaves it out.
    const response = await requestToken(request, secretOf(caller), { grant_type: 'client_credentials', resource: 'urn:acceptance:ledger', scope: 'ledger:read invoices:read' });
    expect(response.status(), await response.text()).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ scope: 'ledger:read', expires_in: 300 });
    expect(body.access_token.split('.')).toHaveLength(1);

    const introspect = (client: CreatedClient) =>
      request.post('/oauth/introspect', { headers: { Authorization: basicAuth(client.client_id, client.client_secret!) }, form: { token: body.access_token } });
    expect(await (await introspect(server)).json()).toMatchObject({ active: true, aud: 'urn:acceptance:ledger', scope: 'ledger:read' });
    expect(await (await introspect(billingClient)).json()).toEqual({ active: false });

    // The resource-server example checks it by introspection; revoked, it stops at once.
    const verify = tokenVerifier({ issuer: baseURL, audience: 'urn:acceptance:ledger', introspectionClient: secretOf(server) });
    expect(await verify(`Bearer ${body.access_token}`, 'ledger:read')).toMatchObject({ ok: true, claims: { client_id: caller.client_id } });
    expect(await verify(`Bearer ${body.access_token}`, 'ledger:write')).toMatchObject({ ok: false, status: 403, error: 'insufficient_scope' });
    const revoked = await request.post('/oauth/revoke', { headers: { Authorization: basicAuth(caller.client_id, caller.client_secret!) }, form: { token: body.access_token } });
    expect(revoked.status()).toBe(200);
    expect(await verify(`Bearer ${body.access_token}`, 'ledger:read')).toMatchObject({ ok: false, status: 401, error: 'invalid_token' });
  });
});
