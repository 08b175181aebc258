import { expect, test, type APIRequestContext } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { createClient, createUser } from '../support/cli';
import { authorize } from '../support/http-sign-in';
import { baseURL, basicAuth } from '../support/test-env';

// RFC 7662 §2.1/§4: the authorization server decides who may learn about a token. A
// token is described to the client it was issued to (or a resource server it is meant
// for); any other client, however well authenticated, hears {"active": false}, the
// same answer as for a token that does not exist. A refresh token only to its own client.

type Credentials = { id: string; secret: string };

function registered(name: string, fields: Record<string, unknown>): Credentials {
  const { client_secret, ...client } = createClient({ name: `${name} ${randomBytes(3).toString('hex')}`, ...fields });
  return { id: client.client_id, secret: client_secret! };
}

function introspect(request: APIRequestContext, caller: Credentials, token: string, hint?: string) {
  return request
    .post('/oauth/introspect', { headers: { Authorization: basicAuth(caller.id, caller.secret) }, form: { token, ...(hint ? { token_type_hint: hint } : {}) } })
    .then(async (response) => {
      expect(response.status()).toBe(200);
      return response.json();
    });
}

const redirectUri = 'https://app-a.example.test/callback';
let appA: Credentials;
let serviceB: Credentials;

test.beforeAll(() => {
  appA = registered('Introspection App A', {
    grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
    redirect_uris: [redirectUri],
    scopes: ['openid', 'profile', 'clients:read'],
    access_token_format: 'opaque',
  });
  serviceB = registered('Introspection Service B', { grant_types: ['client_credentials'], scopes: ['clients:read'] });
});

test.describe('Introspection answers only the token’s own client', () => {
  test('a user’s access and refresh tokens: active for client A, {active:false} for client B', async ({ request }) => {
    const user = createUser();
    const grant = await authorize(baseURL, user, { clientId: appA.id, redirectUri });
    const redeemed = await request.post('/oauth/token', {
      headers: { Authorization: basicAuth(appA.id, appA.secret) },
      form: { grant_type: 'authorization_code', code: grant.code, redirect_uri: redirectUri, code_verifier: grant.verifier },
    });
    expect(redeemed.status()).toBe(200);
    const { access_token, refresh_token } = await redeemed.json();
    expect(access_token.split('.')).toHaveLength(1); // opaque: only introspection can say what it is
    expect(refresh_token).toBeTruthy();

    expect(await introspect(request, serviceB, access_token)).toEqual({ active: false });
    expect(await introspect(request, serviceB, access_token, 'access_token')).toEqual({ active: false });
    expect(await introspect(request, serviceB, refresh_token)).toEqual({ active: false });
    expect(await introspect(request, serviceB, refresh_token, 'refresh_token')).toEqual({ active: false });

    expect(await introspect(request, appA, access_token)).toMatchObject({ active: true, client_id: appA.id, sub: user.id, scope: expect.stringContaining('openid') });
    expect(await introspect(request, appA, refresh_token)).toMatchObject({ active: true, client_id: appA.id, sub: user.id });
  });

  test('an opaque client_credentials token: active for its client, {active:false} for another', async ({ request }) => {
    const issued = await request.post('/oauth/token', {
      headers: { Authorization: basicAuth(appA.id, appA.secret) },
      form: { grant_type: 'client_credentials', scope: 'clients:read' },
    });
    expect(issued.status()).toBe(200);
    const { access_token } = await issued.json();
    expect(access_token.split('.')).toHaveLength(1);

    expect(await introspect(request, serviceB, access_token)).toEqual({ active: false });
    expect(await introspect(request, appA, access_token)).toMatchObject({ active: true, client_id: appA.id, scope: 'clients:read', aud: `${baseURL}/api` });
  });
});
