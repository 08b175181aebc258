import { expect, test } from '@playwright/test';
import { createUser } from '../support/cli';
import { adminToken, registerClient } from '../support/admin-api';
import { authorize, MOBILE_APP } from '../support/http-sign-in';

// Thalamus reads a flat JSON object at the token, revocation, introspection and userinfo
// endpoints as the form RFC 6749 §3.2, RFC 7009, RFC 7662 and RFC 6750 §2.2 describe, the
// way many client libraries and integration guides send it.
const json = { 'Content-Type': 'application/json' };

test.describe('JSON request bodies', () => {
  test('a code exchange sent as JSON returns the tokens, and userinfo answers a POST by form and by JSON', async ({ request, baseURL }) => {
    const user = createUser({ name: 'Mary Jackson', picture: 'https://pictures.example.com/mary.png' });
    const grant = await authorize(baseURL!, user);
    const exchange = await request.post('/oauth/token', {
      headers: json,
      data: { grant_type: 'authorization_code', code: grant.code, redirect_uri: MOBILE_APP.redirectUri, code_verifier: grant.verifier, client_id: MOBILE_APP.clientId },
    });
    expect(exchange.status()).toBe(200);
    const tokens = (await exchange.json()) as { access_token: string; id_token: string; refresh_token: string; expires_in: number };
    expect(tokens).toMatchObject({ access_token: expect.any(String), id_token: expect.any(String), refresh_token: expect.any(String), expires_in: expect.any(Number) });

    for (const body of [{ form: { access_token: tokens.access_token } }, { headers: json, data: { access_token: tokens.access_token } }]) {
      const userinfo = await request.post('/oauth/userinfo', body);
      expect(userinfo.status()).toBe(200);
      expect(await userinfo.json()).toMatchObject({ sub: user.id, name: 'Mary Jackson', nickname: 'ada', picture: 'https://pictures.example.com/mary.png' });
    }

    const refreshed = await request.post('/oauth/token', {
      headers: json,
      data: { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: MOBILE_APP.clientId },
    });
    expect(refreshed.status()).toBe(200);
    expect(await refreshed.json()).toMatchObject({ access_token: expect.any(String) });
  });

  test('a confidential client sends its secret in a JSON body, and introspects and revokes by JSON', async ({ request }) => {
    const registered = await registerClient(request, await adminToken(request), {
      name: `JSON service ${Date.now()}`,
      grant_types: ['client_credentials'],
      scopes: ['directory:read'],
      token_endpoint_auth_method: 'client_secret_post',
      access_token_format: 'opaque',
    });
    const credentials = { client_id: registered.client_id, client_secret: registered.client_secret! };

    const issued = await request.post('/oauth/token', { headers: json, data: { grant_type: 'client_credentials', ...credentials } });
    expect(issued.status()).toBe(200);
    const { access_token } = (await issued.json()) as { access_token: string };

    const active = await request.post('/oauth/introspect', { headers: json, data: { token: access_token, ...credentials } });
    expect(active.status()).toBe(200);
    expect(await active.json()).toMatchObject({ active: true, client_id: credentials.client_id });

    const revoked = await request.post('/oauth/revoke', { headers: json, data: { token: access_token, ...credentials } });
    expect(revoked.status()).toBe(200);
    const after = await request.post('/oauth/introspect', { headers: json, data: { token: access_token, ...credentials } });
    expect(await after.json()).toEqual({ active: false });
  });
});
