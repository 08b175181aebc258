import { expect, test, type APIRequestContext } from '@playwright/test';
import { createApiKey } from '../support/cli';

// Bad input always gets a 4xx with the field that is wrong, never a 500, and nothing
// is written. Each row: what is sent, the status, and the field path reported.

const valid = {
  name: 'Valid App',
  grant_types: ['authorization_code'],
  redirect_uris: ['https://valid.example.com/callback'],
  scopes: ['openid'],
};

type Case = [name: string, body: unknown, status: number, path?: string];

const cases: Case[] = [
  ['missing name', { ...valid, name: undefined }, 400, 'name'],
  ['empty name', { ...valid, name: '' }, 400, 'name'],
  ['blank name', { ...valid, name: '   ' }, 400, 'name'],
  ['300-character name', { ...valid, name: 'x'.repeat(300) }, 400, 'name'],
  ['name is a number', { ...valid, name: 42 }, 400, 'name'],
  ['name is null', { ...valid, name: null }, 400, 'name'],
  ['name is an object', { ...valid, name: { first: 'a' } }, 400, 'name'],
  ['huge description', { ...valid, description: 'd'.repeat(5000) }, 400, 'description'],
  ['description is an array', { ...valid, description: ['a'] }, 400, 'description'],
  ['unknown field', { ...valid, is_admin: true }, 400, ''],
  ['client_id supplied', { ...valid, client_id: 'chosen' }, 400, ''],
  ['client_secret supplied', { ...valid, client_secret: 'chosen-secret' }, 400, ''],
  ['unknown client_type', { ...valid, client_type: 'superuser' }, 400, 'client_type'],
  ['unknown application_type', { ...valid, application_type: 'desktop' }, 400, 'application_type'],
  ['unknown auth method', { ...valid, token_endpoint_auth_method: 'client_secret_jwt' }, 400, 'token_endpoint_auth_method'],
  ['grant_types missing', { ...valid, grant_types: undefined }, 400, 'grant_types'],
  ['grant_types empty', { ...valid, grant_types: [] }, 400, 'grant_types'],
  ['grant_types a string', { ...valid, grant_types: 'authorization_code' }, 400, 'grant_types'],
  ['password grant', { ...valid, grant_types: ['password'] }, 400, 'grant_types[0]'],
  ['implicit grant', { ...valid, grant_types: ['implicit'] }, 400, 'grant_types[0]'],
  ['unknown grant', { ...valid, grant_types: ['urn:ietf:params:oauth:grant-type:jwt-bearer'] }, 400, 'grant_types[0]'],
  ['device code for a web app', { ...valid, grant_types: ['urn:ietf:params:oauth:grant-type:device_code'], redirect_uris: [] }, 400, 'grant_types'],
  ['http back-channel logout URI', { ...valid, backchannel_logout_uri: 'http://valid.example.com/logout' }, 400, 'backchannel_logout_uri'],
  ['duplicated grant', { ...valid, grant_types: ['authorization_code', 'authorization_code'] }, 400, 'grant_types[1]'],
  ['refresh without code', { ...valid, grant_types: ['refresh_token'], redirect_uris: [] }, 400, 'grant_types'],
  ['public client with client credentials', { ...valid, grant_types: ['client_credentials'], redirect_uris: [], token_endpoint_auth_method: 'none' }, 400, 'grant_types'],
  ['response type token', { ...valid, response_types: ['token'] }, 400, 'response_types[0]'],
  ['response type id_token', { ...valid, response_types: ['id_token'] }, 400, 'response_types[0]'],
  ['code without redirect URIs', { ...valid, redirect_uris: [] }, 400, 'redirect_uris'],
  ['redirect URIs not an array', { ...valid, redirect_uris: 'https://valid.example.com/cb' }, 400, 'redirect_uris'],
  ['redirect URI a number', { ...valid, redirect_uris: [7] }, 400, 'redirect_uris[0]'],
  ['javascript: redirect', { ...valid, redirect_uris: ['javascript:alert(1)'] }, 400, 'redirect_uris[0]'],
  ['data: redirect', { ...valid, redirect_uris: ['data:text/html,<script>alert(1)</script>'] }, 400, 'redirect_uris[0]'],
  ['file: redirect', { ...valid, redirect_uris: ['file:///etc/passwd'] }, 400, 'redirect_uris[0]'],
  ['fragment in redirect', { ...valid, redirect_uris: ['https://valid.example.com/cb#frag'] }, 400, 'redirect_uris[0]'],
  ['empty fragment in redirect', { ...valid, redirect_uris: ['https://valid.example.com/cb#'] }, 400, 'redirect_uris[0]'],
  ['userinfo in redirect', { ...valid, redirect_uris: ['https://app@evil.example/cb'] }, 400, 'redirect_uris[0]'],
  ['user and password in redirect', { ...valid, redirect_uris: ['https://user:pass@valid.example.com/cb'] }, 400, 'redirect_uris[0]'],
  ['wildcard host', { ...valid, redirect_uris: ['https://*.example.com/cb'] }, 400, 'redirect_uris[0]'],
  ['wildcard path', { ...valid, redirect_uris: ['https://valid.example.com/*'] }, 400, 'redirect_uris[0]'],
  ['http for a web client', { ...valid, redirect_uris: ['http://valid.example.com/cb'] }, 400, 'redirect_uris[0]'],
  ['http loopback for a web client', { ...valid, redirect_uris: ['http://127.0.0.1/cb'] }, 400, 'redirect_uris[0]'],
  ['localhost for a native client', { ...valid, application_type: 'native', redirect_uris: ['http://localhost/cb'] }, 400, 'redirect_uris[0]'],
  ['bare custom scheme for a native client', { ...valid, application_type: 'native', redirect_uris: ['myapp:/cb'] }, 400, 'redirect_uris[0]'],
  ['relative redirect', { ...valid, redirect_uris: ['/callback'] }, 400, 'redirect_uris[0]'],
  ['redirect with spaces', { ...valid, redirect_uris: ['https://valid.example.com/a b'] }, 400, 'redirect_uris[0]'],
  ['very long redirect', { ...valid, redirect_uris: [`https://valid.example.com/${'a'.repeat(3000)}`] }, 400, 'redirect_uris[0]'],
  ['duplicated redirect', { ...valid, redirect_uris: ['https://valid.example.com/cb', 'https://valid.example.com/cb'] }, 400, 'redirect_uris[1]'],
  ['too many redirects', { ...valid, redirect_uris: Array.from({ length: 21 }, (_, i) => `https://valid.example.com/cb${i}`) }, 400, 'redirect_uris'],
  ['bad sign-out redirect', { ...valid, post_logout_redirect_uris: ['javascript:void(0)'] }, 400, 'post_logout_redirect_uris[0]'],
  ['scopes missing', { ...valid, scopes: undefined }, 400, 'scopes'],
  ['scopes empty', { ...valid, scopes: [] }, 400, 'scopes'],
  ['scope with a space', { ...valid, scopes: ['openid profile'] }, 400, 'scopes[0]'],
  ['scope with a quote', { ...valid, scopes: ['a"b'] }, 400, 'scopes[0]'],
  ['duplicated scope', { ...valid, scopes: ['openid', 'openid'] }, 400, 'scopes[1]'],
  ['scope a number', { ...valid, scopes: [1] }, 400, 'scopes[0]'],
  ['require_consent a string', { ...valid, require_consent: 'yes' }, 400, 'require_consent'],
  ['public client without PKCE', { ...valid, token_endpoint_auth_method: 'none', require_pkce: false }, 400, 'require_pkce'],
  ['http logo', { ...valid, logo_uri: 'http://valid.example.com/logo.png' }, 400, 'logo_uri'],
  ['unknown organization', { ...valid, organization_id: 'org_nope' }, 400, 'organization_id'],
  ['body is an array', [valid], 400, ''],
  ['body is a string', 'hello', 400, ''],
  ['body is null', null, 400, ''],
];

async function allClientIds(request: APIRequestContext, key: string) {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const page: { data: { client_id: string }[]; next_cursor: string | null } = await (
      await request.get(`/api/clients?limit=100${cursor ? `&cursor=${cursor}` : ''}`, { headers: { Authorization: `Bearer ${key}` } })
    ).json();
    ids.push(...page.data.map((c) => c.client_id));
    cursor = page.next_cursor;
  } while (cursor);
  return ids.sort();
}

test.describe('Admin API bad input', () => {
  test(`${cases.length} malformed registrations each get a 4xx naming the field, and change nothing`, async ({ request }) => {
    expect(cases.length).toBeGreaterThanOrEqual(50);
    // More writes than the default 60 a minute: this key is allowed a burst.
    const { key } = createApiKey('clients:read,clients:write', undefined, '--writes-per-minute', '1000');
    const before = await allClientIds(request, key);
    for (const [name, body, status, path] of cases) {
      const response = await request.post('/api/clients', {
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        data: Buffer.from(JSON.stringify(body)),
      });
      expect(response.status(), name).toBe(status);
      const error = await response.json();
      expect(error, name).toMatchObject({ error: 'invalid_request', error_description: expect.any(String) });
      if (path !== undefined)
        expect(
          error.fields.map((f: { path: string }) => f.path),
          name,
        ).toContain(path);
    }
    expect(await allClientIds(request, key)).toEqual(before);
  });

  test('malformed JSON, the wrong content type and an oversized body get 400, 415 and 413', async ({ request }) => {
    const { key } = createApiKey('clients:write');
    const auth = { Authorization: `Bearer ${key}` };
    const malformed = await request.post('/api/clients', { headers: { ...auth, 'Content-Type': 'application/json' }, data: Buffer.from('{"name": "x",') });
    expect(malformed.status()).toBe(400);
    expect((await malformed.json()).error_description).toMatch(/not valid JSON/);
    const form = await request.post('/api/clients', { headers: auth, form: { name: 'x' } });
    expect(form.status()).toBe(415);
    const huge = await request.post('/api/clients', {
      headers: { ...auth, 'Content-Type': 'application/json' },
      data: JSON.stringify({ ...valid, description: 'x'.repeat(100_000) }),
    });
    expect(huge.status()).toBe(413);
    const badPatch = await request.patch('/api/clients/thalamus-desktop-agent', { headers: { ...auth, 'Content-Type': 'application/json' }, data: Buffer.from('[]') });
    expect(badPatch.status()).toBe(400);
    const unknown = await request.patch('/api/clients/does-not-exist', { headers: auth, data: { name: 'x' } });
    expect(unknown.status()).toBe(404);
    const badQuery = await request.get('/api/clients?limit=1000', { headers: { Authorization: `Bearer ${createApiKey('clients:read').key}` } });
    expect(badQuery.status()).toBe(400);
    expect((await badQuery.json()).fields[0].path).toBe('limit');
  });
});
