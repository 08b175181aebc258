import { expect, test } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { adminToken, registerClient } from '../support/admin-api';
import { createUser } from '../support/cli';
import { authorize } from '../support/http-sign-in';
import { baseURL } from '../support/test-env';

// A plain OAuth 2.0 integration, as many SaaS guides write it: a confidential web app
// sends `response_type`, `client_id` and `redirect_uri` only (no scope, no state, no PKCE)
// and sends its secret in the form body. RFC 6749 §3.3: without `scope` the server uses
// its documented default, the client's registered scopes (offline_access only with
// prompt=consent, OIDC Core §11).

const redirectUri = 'https://plain.example.test/oauth/callback';

test('a client without scope, state or PKCE gets a code, tokens and a working refresh token', async ({ request }) => {
  const registered = await registerClient(request, await adminToken(request), {
    name: `Plain OAuth App ${randomBytes(3).toString('hex')}`,
    grant_types: ['authorization_code', 'refresh_token'],
    redirect_uris: [redirectUri],
    scopes: ['openid', 'profile', 'offline_access'],
    require_pkce: false,
    token_endpoint_auth_method: 'client_secret_post',
  });
  const client = { id: registered.client_id, secret: registered.client_secret! };
  const user = createUser();

  const { code } = await authorize(baseURL, user, { clientId: client.id, redirectUri }, { params: { response_type: 'code' } });

  const exchanged = await request.post('/oauth/token', {
    form: { grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: client.id, client_secret: client.secret },
  });
  expect(exchanged.status(), await exchanged.text()).toBe(200);
  const tokens = await exchanged.json();
  expect(tokens).toMatchObject({ token_type: 'Bearer', access_token: expect.any(String), refresh_token: expect.any(String), expires_in: expect.any(Number) });
  expect(tokens.expires_in).toBeGreaterThan(0);
  // The default: the registered scopes, offline_access left out without prompt=consent.
  expect(tokens.scope.split(' ').sort()).toEqual(['openid', 'profile']);

  const userinfo = await request.get('/oauth/userinfo', { headers: { Authorization: `Bearer ${tokens.access_token}` } });
  expect(userinfo.status()).toBe(200);
  expect(await userinfo.json()).toMatchObject({ sub: user.id, name: 'Ada Lovelace' });

  const refreshed = await request.post('/oauth/token', {
    form: { grant_type: 'refresh_token', refresh_token: tokens.refresh_token, client_id: client.id, client_secret: client.secret },
  });
  expect(refreshed.status(), await refreshed.text()).toBe(200);
  const next = await refreshed.json();
  expect(next).toMatchObject({ access_token: expect.any(String), refresh_token: expect.any(String), expires_in: expect.any(Number) });
  expect(next.access_token).not.toBe(tokens.access_token);
  expect(next.refresh_token).not.toBe(tokens.refresh_token); // rotated on every use
});

test('a named scope still wins over the default: scope=profile grants profile alone', async ({ request }) => {
  const registered = await registerClient(request, await adminToken(request), {
    name: `Plain OAuth Named Scope ${randomBytes(3).toString('hex')}`,
    grant_types: ['authorization_code'],
    redirect_uris: [redirectUri],
    scopes: ['openid', 'profile', 'email'],
    require_pkce: false,
    token_endpoint_auth_method: 'client_secret_post',
  });
  const { code } = await authorize(baseURL, createUser(), { clientId: registered.client_id, redirectUri }, { params: { response_type: 'code', scope: 'profile' } });
  const exchanged = await request.post('/oauth/token', {
    form: { grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: registered.client_id, client_secret: registered.client_secret! },
  });
  expect(exchanged.status(), await exchanged.text()).toBe(200);
  expect((await exchanged.json()).scope).toBe('profile');
});
