import { randomBytes } from 'node:crypto';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { createApiKey, thalamus } from '../support/cli';
import { adminToken, bearer } from '../support/admin-api';
import { createDb } from '../../lib/db/client';

// What one careless (or hostile) write could do before these rules: a client given a
// scope the registry lacks went offline, a name with a direction override reversed the
// consent page's words, and a search for "_" listed every client. (No API credential may
// change a default client; e2e/console/input-hardening.spec.ts gives one an unknown scope
// the way a super admin could.)

const valid = { name: 'Hardening App', grant_types: ['authorization_code'], redirect_uris: ['https://hardening.example.com/cb'], scopes: ['openid'] };
const unknownScope = { path: 'scopes[1]', message: 'Unknown scope "nonexist": create it under OAuth Scopes first' };

let auth: { Authorization: string };
test.beforeAll(() => {
  auth = { Authorization: `Bearer ${createApiKey('clients:read,clients:write').key}` };
});

/** Every client matching `q`, page after page, listed with the platform credential (which sees them all). */
async function listAll(request: APIRequestContext, q: string): Promise<{ client_id: string; name: string }[]> {
  const headers = bearer(await adminToken(request));
  const clients: { client_id: string; name: string }[] = [];
  let cursor: string | null = null;
  do {
    const page: { data: typeof clients; next_cursor: string | null } = await (
      await request.get('/api/clients', { headers, params: { q, limit: 100, ...(cursor ? { cursor } : {}) } })
    ).json();
    clients.push(...page.data);
    cursor = page.next_cursor;
  } while (cursor);
  return clients;
}

test.describe('Client scopes must exist in the registry', () => {
  test('a new client with an unknown scope is refused at the scope, and not written', async ({ request }) => {
    const name = `Unknown scope ${randomBytes(4).toString('hex')}`;
    const response = await request.post('/api/clients', { headers: auth, data: { ...valid, name, scopes: ['openid', 'nonexist'] } });
    expect(response.status()).toBe(400);
    const body = await response.json();
    expect(body).toMatchObject({ error: 'invalid_request', error_description: unknownScope.message });
    expect(body.fields).toEqual([unknownScope]);
    expect(await listAll(request, name)).toEqual([]);
  });

  test('a change to an own client is checked too; a scope added to the registry is accepted', async ({ request }) => {
    const created = await (await request.post('/api/clients', { headers: auth, data: valid })).json();
    const patched = await request.patch(`/api/clients/${created.client_id}`, { headers: auth, data: { scopes: ['openid', 'nonexist', 'profile', 'also:missing'] } });
    expect(patched.status()).toBe(400);
    expect((await patched.json()).fields.map((f: { path: string }) => f.path)).toEqual(['scopes[1]', 'scopes[3]']);

    const scope = `reports:${randomBytes(4).toString('hex')}`;
    const db = createDb();
    try {
      await db.scope.create({ data: { name: scope, description: 'Read your reports' } });
    } finally {
      await db.$disconnect();
    }
    const accepted = await request.patch(`/api/clients/${created.client_id}`, { headers: auth, data: { scopes: ['openid', scope] } });
    expect(accepted.status()).toBe(200);
    expect((await accepted.json()).scopes).toEqual(['openid', scope]);
    // The client stays online: its authorization requests still reach the sign-in page.
    const authorize = await request.get('/oauth/authorize', {
      params: {
        client_id: created.client_id,
        response_type: 'code',
        redirect_uri: valid.redirect_uris[0]!,
        scope: 'openid',
        code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
        code_challenge_method: 'S256',
      },
      maxRedirects: 0,
    });
    expect(authorize.status()).toBe(303);
    expect(authorize.headers().location).toMatch(/\/interaction\//);
    // Other changes leave the scopes alone and are not held up by them.
    expect((await request.patch(`/api/clients/${created.client_id}`, { headers: auth, data: { description: 'Renamed' } })).status()).toBe(200);
  });
});

test.describe('Names and descriptions hold no control or text-direction characters', () => {
  const override = '\u202E';
  for (const [what, data, path, codePoint] of [
    ['a right-to-left override in the name', { ...valid, name: `Pay${override}lapyaP` }, 'name', 'U+202E'],
    ['NUL in the name', { ...valid, name: 'Nul\u0000App' }, 'name', 'U+0000'],
    ['an isolate in the description', { ...valid, description: 'Ours \u2066really\u2069' }, 'description', 'U+2066, U+2069'],
  ] as const) {
    test(`a client with ${what} is refused, naming the field`, async ({ request }) => {
      const response = await request.post('/api/clients', { headers: auth, data });
      expect(response.status()).toBe(400);
      expect((await response.json()).fields).toEqual([{ path, message: `Remove control or text-direction characters (${codePoint})` }]);
    });
  }

  test('a multi-line description is kept; renaming a client with an override is refused', async ({ request }) => {
    const created = await request.post('/api/clients', { headers: auth, data: { ...valid, description: 'First line\nSecond line' } });
    expect(created.status()).toBe(201);
    const client = await created.json();
    expect(client.description).toBe('First line\nSecond line');
    const renamed = await request.patch(`/api/clients/${client.client_id}`, { headers: auth, data: { name: `Evil${override}` } });
    expect(renamed.status()).toBe(400);
    expect((await renamed.json()).fields).toEqual([{ path: 'name', message: 'Remove control or text-direction characters (U+202E)' }]);
  });

  test('an organization name with an override is refused', async ({ request }) => {
    const response = await request.post('/api/organizations', { headers: auth, data: { name: `Acme${override}emcA` } });
    expect(response.status()).toBe(400);
    expect((await response.json()).fields).toEqual([{ path: 'name', message: 'Remove control or text-direction characters (U+202E)' }]);
  });

  test('a user name with an override is refused by the CLI', () => {
    const email = `bidi-${randomBytes(4).toString('hex')}@example.test`;
    let failure: { status?: number; stderr?: string } = {};
    try {
      thalamus('users', 'create', '--email', email, '--name', `Ada${override}adA`, '--password', randomBytes(12).toString('base64url'));
    } catch (error) {
      failure = error as typeof failure;
    }
    expect(failure.status).toBe(2);
    expect(failure.stderr).toContain('--name: Remove control or text-direction characters (U+202E)');
  });
});

test.describe('Search matches _ and % as themselves', () => {
  test('q=_ finds only clients with _ in their name or ID; q=% only those with %', async ({ request }) => {
    const tag = randomBytes(4).toString('hex');
    const percent = await (await request.post('/api/clients', { headers: auth, data: { ...valid, name: `Uptime 100% ${tag}` } })).json();

    const underscore = await listAll(request, '_');
    expect(underscore.map((c) => c.client_id)).toEqual(expect.arrayContaining(['thalamus_admin_client', 'thalamus_sync_client']));
    for (const client of underscore) expect(`${client.name} ${client.client_id}`).toContain('_');

    const withPercent = await listAll(request, '%');
    expect(withPercent.map((c) => c.client_id)).toContain(percent.client_id);
    for (const client of withPercent) expect(client.name).toContain('%');
    expect(await listAll(request, `0%_${tag}`)).toEqual([]);
    expect((await listAll(request, `100% ${tag}`)).map((c) => c.client_id)).toEqual([percent.client_id]);
  });
});
