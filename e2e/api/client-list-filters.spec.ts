import { expect, test, type APIRequestContext } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { adminToken, bearer, registerClient } from '../support/admin-api';
import { createApiKey, createClient } from '../support/cli';
import { requestToken } from '../support/token-request';

// GET /api/clients: the console's facet filters as query parameters, and include=facets
// for each option's count. An API key still sees only the clients it registered.

async function list(request: APIRequestContext, credential: string, query: string) {
  const response = await request.get(`/api/clients?${query}`, { headers: bearer(credential) });
  expect(response.status(), query).toBe(200);
  return (await response.json()) as { data: { name: string }[]; next_cursor: string | null; facets?: Record<string, Record<string, number>> };
}

test.describe('Admin API: filtering the client list', () => {
  test('grant_type, status, client_kind, owner and not_used_days narrow the list; include=facets counts each option', async ({ request }) => {
    const tag = `Filtered ${randomBytes(3).toString('hex')}`;
    const q = `q=${encodeURIComponent(tag)}&sort=name&order=asc`;
    const { key, api_key } = createApiKey('clients:read,clients:write');
    const other = createApiKey('clients:read,clients:write');
    const app = await registerClient(request, key, {
      name: `${tag} App`,
      grant_types: ['authorization_code', 'refresh_token'],
      redirect_uris: ['https://app.example.com/cb'],
      token_endpoint_auth_method: 'none',
      scopes: ['openid'],
    });
    const service = await registerClient(request, key, { name: `${tag} Service`, grant_types: ['client_credentials'], scopes: ['directory:read'] });
    await registerClient(request, other.key, { name: `${tag} Elsewhere`, grant_types: ['client_credentials'], scopes: ['directory:read'] });
    createClient({ name: `${tag} Operator`, grant_types: ['client_credentials'], scopes: ['directory:read'] });
    expect((await request.patch(`/api/clients/${app.client_id}`, { headers: bearer(key), data: { enabled: false } })).status()).toBe(200);
    expect((await requestToken(request, { id: service.client_id, secret: service.client_secret! }, { grant_type: 'client_credentials' })).status()).toBe(200);
    const admin = await adminToken(request);
    await expect.poll(async () => (await list(request, admin, `${q}&not_used_days=30`)).data.map((c) => c.name)).not.toContain(`${tag} Service`);

    const names = async (credential: string, filters: string) => (await list(request, credential, `${q}&${filters}`)).data.map((c) => c.name.slice(tag.length + 1));
    expect(await names(admin, 'grant_type=refresh_token')).toEqual(['App']);
    expect(await names(admin, 'grant_type=client_credentials')).toEqual(['Elsewhere', 'Operator', 'Service']);
    expect(await names(admin, 'status=disabled')).toEqual(['App']);
    expect(await names(admin, 'client_kind=confidential')).toEqual(['Elsewhere', 'Operator', 'Service']);
    expect(await names(admin, `owner=${api_key.id}`)).toEqual(['App', 'Service']);
    expect(await names(admin, 'owner=none')).toEqual(['Operator']);
    expect(await names(admin, 'not_used_days=90&status=enabled')).toEqual(['Elsewhere', 'Operator']);

    // An API key's list, filters and counts cover its own clients only, whatever owner it names.
    expect(await names(key, 'grant_type=client_credentials')).toEqual(['Service']);
    expect(await names(key, `owner=${other.api_key.id}`)).toEqual([]);
    const { facets } = await list(request, key, `${q}&include=facets&status=enabled`);
    expect(facets).toMatchObject({
      status: { enabled: 1, disabled: 1 },
      grant_type: { client_credentials: 1, authorization_code: 0 },
      client_kind: { public: 0, confidential: 1 },
      owner: { [api_key.id]: 1, none: 0 },
      not_used_days: { '30': 0, '90': 0 },
    });
    expect(Object.keys(facets!.owner!)).not.toContain(other.api_key.id);
    expect((await list(request, key, q)).facets).toBeUndefined();
  });

  test('a value a filter does not know is 400 naming the parameter', async ({ request }) => {
    const token = await adminToken(request);
    for (const [query, path, message] of [
      ['grant_type=password', 'grant_type', 'Use one of authorization_code, client_credentials, refresh_token, urn:ietf:params:oauth:grant-type:device_code'],
      ['status=on', 'status', 'Use enabled or disabled'],
      ['client_kind=secret', 'client_kind', 'Use public or confidential'],
      ['not_used_days=7', 'not_used_days', 'Use 30 or 90'],
      ['include=everything', 'include', 'Use facets'],
    ]) {
      const response = await request.get(`/api/clients?${query}`, { headers: bearer(token) });
      expect(response.status(), query).toBe(400);
      expect((await response.json()).fields, query).toEqual([{ path, message }]);
    }
  });
});
