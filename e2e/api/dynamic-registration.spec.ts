import { expect, test } from '@playwright/test';
import * as oidc from 'openid-client';
import { createApiKey } from '../support/cli';
import { bearer } from '../support/admin-api';
import { startExtraServer, type ExtraServer } from '../support/extra-server';
import { baseURL } from '../support/test-env';

// Dynamic client registration (RFC 7591) and management (RFC 7592), switched on with
// DYNAMIC_REGISTRATION=on. It is off for the suite's main server (whose discovery the
// other tests check), so these tests run a server of their own with it on, on the same
// database. An admin API key is the initial access token: the key owns the clients it
// registers, as with POST /api/clients.

let server: ExtraServer;
const insecure = { execute: [oidc.allowInsecureRequests] };

test.beforeAll(async () => {
  server = await startExtraServer(Number(process.env.THALAMUS_TEST_PORT ?? 3210) + 1, { DYNAMIC_REGISTRATION: 'on' });
});
test.afterAll(async () => server?.stop());

async function register(body: Record<string, unknown>, initialAccessToken?: string) {
  const response = await fetch(`${server.url}/oauth/register`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(initialAccessToken ? bearer(initialAccessToken) : {}) },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function manage(uri: string, token: string, method = 'GET', body?: Record<string, unknown>) {
  const response = await fetch(uri, { method, headers: { ...bearer(token), ...(body ? { 'content-type': 'application/json' } : {}) }, body: body && JSON.stringify(body) });
  return { status: response.status, body: response.status === 204 ? undefined : ((await response.json()) as Record<string, unknown>) };
}

test.describe('Dynamic client registration (RFC 7591, RFC 7592)', () => {
  test('discovery names the registration endpoint only where it is on', async () => {
    const on = (await (await fetch(`${server.url}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(on.registration_endpoint).toBe(`${server.url}/oauth/register`);
    const off = (await (await fetch(`${baseURL}/.well-known/oauth-authorization-server`)).json()) as Record<string, unknown>;
    expect(off).not.toHaveProperty('registration_endpoint');
    const refused = await fetch(`${baseURL}/oauth/register`, { method: 'POST', headers: bearer(createApiKey('clients:write').key), body: '{}' });
    expect(refused.status).toBe(404);
  });

  test('a service registers a client with openid-client, gets tokens, reads and renames itself, then deletes itself', async () => {
    const { key } = createApiKey('clients:read,clients:write');
    const config = await oidc.dynamicClientRegistration(
      new URL(server.url),
      { client_name: 'Inventory Sync', grant_types: ['client_credentials'], token_endpoint_auth_method: 'client_secret_post', scope: 'directory:read', software_id: 'ignored' },
      undefined,
      { initialAccessToken: key, ...insecure },
    );
    const registered = config.clientMetadata();
    expect(registered).toMatchObject({ client_name: 'Inventory Sync', scope: 'directory:read', client_secret_expires_at: 0, application_type: 'web' });
    expect(registered).not.toHaveProperty('software_id');
    expect(registered.client_secret).toMatch(/^thcs_/);
    const token = registered.registration_access_token as string;
    const uri = registered.registration_client_uri as string;
    expect(uri).toBe(`${server.url}/oauth/register/${registered.client_id}`);

    const tokens = await oidc.clientCredentialsGrant(config, { scope: 'directory:read' });
    expect(tokens.access_token).toBeTruthy();

    // The key that registered it owns it in the admin API too.
    const owned = await fetch(`${server.url}/api/clients/${registered.client_id}`, { headers: bearer(key) });
    expect(owned.status).toBe(200);

    const read = await manage(uri, token);
    expect(read.status).toBe(200);
    expect(read.body).toMatchObject({ client_id: registered.client_id, client_name: 'Inventory Sync', registration_access_token: token });
    expect(read.body).not.toHaveProperty('client_secret');

    const renamed = await manage(uri, token, 'PUT', {
      client_id: registered.client_id,
      client_name: 'Inventory Sync v2',
      grant_types: ['client_credentials'],
      token_endpoint_auth_method: 'client_secret_post',
      scope: 'directory:read',
    });
    expect(renamed).toMatchObject({ status: 200, body: { client_name: 'Inventory Sync v2' } });
    expect(renamed.body).not.toHaveProperty('client_secret');

    expect((await manage(uri, token, 'DELETE')).status).toBe(204);
    expect((await manage(uri, token)).status).toBe(401);
    await expect(oidc.clientCredentialsGrant(config, { scope: 'directory:read' })).rejects.toMatchObject({ error: 'invalid_client' });
  });

  test('an MCP-style public client with a loopback redirect registers as a native app with PKCE and no secret', async () => {
    const { key } = createApiKey('clients:write');
    const { status, body } = await register(
      {
        client_name: 'Desktop Assistant',
        redirect_uris: ['http://127.0.0.1:33418/callback'],
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        token_endpoint_auth_method: 'none',
      },
      key,
    );
    expect(status).toBe(201);
    expect(body).toMatchObject({ application_type: 'native', token_endpoint_auth_method: 'none', require_pkce: true, scope: 'openid', response_types: ['code'] });
    expect(body).not.toHaveProperty('client_secret');
    expect(body.registration_access_token).toMatch(/^thrat_/);
  });

  test('bad metadata is refused with RFC 7591 error codes and the field to fix, and nothing is registered', async () => {
    const { key } = createApiKey('clients:read,clients:write');
    const web = { client_name: 'Web', grant_types: ['authorization_code'] };
    expect(await register({ ...web, redirect_uris: ['http://app.example.com/cb'] }, key)).toMatchObject({
      status: 400,
      body: { error: 'invalid_redirect_uri', fields: [{ path: 'redirect_uris[0]' }] },
    });
    expect(await register({ ...web, client_name: '', redirect_uris: ['https://app.example.com/cb'] }, key)).toMatchObject({
      status: 400,
      body: { error: 'invalid_client_metadata', fields: [{ path: 'client_name' }] },
    });
    expect(await register({ client_name: 'Old', grant_types: ['password'] }, key)).toMatchObject({
      status: 400,
      body: { error: 'invalid_client_metadata', fields: [{ path: 'grant_types[0]', message: expect.stringContaining('RFC 9700') }] },
    });
    expect(await register({ client_name: 'Job', grant_types: ['client_credentials'], scope: 'no:such:scope' }, key)).toMatchObject({
      status: 400,
      body: { error: 'invalid_client_metadata', fields: [{ path: 'scope' }] },
    });
    const listed = (await (await fetch(`${server.url}/api/clients`, { headers: bearer(key) })).json()) as { data: unknown[] };
    expect(listed.data).toEqual([]);
  });

  test('the initial access token must be a live admin API key with clients:write, and its guardrails hold', async () => {
    const job = { client_name: 'Job', grant_types: ['client_credentials'], scope: 'directory:read' };
    expect((await register(job)).status).toBe(401);
    expect((await register(job, 'thak_not-a-real-key')).status).toBe(401);
    expect(await register(job, createApiKey('clients:read').key)).toMatchObject({ status: 403, body: { error: 'insufficient_scope' } });

    const guarded = createApiKey('clients:write', undefined, '--allowed-grant-types', 'authorization_code');
    expect(await register(job, guarded.key)).toMatchObject({ status: 400, body: { error: 'invalid_client_metadata', fields: [{ path: 'grant_types[0]' }] } });
  });

  test('a registration access token manages only its own client, and a replacement must name it', async () => {
    const { key } = createApiKey('clients:write');
    const job = { client_name: 'Job', grant_types: ['client_credentials'], scope: 'directory:read' };
    const first = (await register(job, key)).body;
    const second = (await register(job, key)).body;
    const firstUri = first.registration_client_uri as string;

    expect((await manage(firstUri, second.registration_access_token as string)).status).toBe(401);
    expect((await manage(firstUri, 'thrat_guess')).status).toBe(401);
    expect(await manage(firstUri, first.registration_access_token as string, 'PUT', job)).toMatchObject({ status: 400, body: { fields: [{ path: 'client_id' }] } });
    expect(await manage(firstUri, first.registration_access_token as string, 'PUT', { ...job, client_id: first.client_id, client_secret: 'thcs_wrong' })).toMatchObject({
      status: 400,
      body: { fields: [{ path: 'client_secret' }] },
    });
  });
});
