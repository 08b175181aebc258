import { expect, test, type APIRequestContext } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { createClient } from '../support/cli';
import { adminClient, basicAuth } from '../support/test-env';

// A client authenticates only with the method it is registered for
// (token_endpoint_auth_method, RFC 7591 §2): a client_secret_basic client sends its secret
// in the Authorization header, a client_secret_post client in the form body. The other way
// is 401 invalid_client with a description naming the registered method, at the token,
// introspection and revocation endpoints alike.

type Credentials = { id: string; secret: string };
type Sent = 'header' | 'body';

function registered(method: 'client_secret_basic' | 'client_secret_post'): Credentials {
  const { client_secret, ...client } = createClient({
    name: `Auth Method ${method} ${randomBytes(3).toString('hex')}`,
    grant_types: ['client_credentials'],
    scopes: ['clients:read'],
    token_endpoint_auth_method: method,
    access_token_format: 'opaque', // so introspection and revocation can take it
  });
  return { id: client.client_id, secret: client_secret! };
}

function post(request: APIRequestContext, path: string, client: Credentials, sent: Sent, form: Record<string, string>) {
  return sent === 'header'
    ? request.post(path, { headers: { Authorization: basicAuth(client.id, client.secret) }, form })
    : request.post(path, { form: { ...form, client_id: client.id, client_secret: client.secret } });
}

const token = (request: APIRequestContext, client: Credentials, sent: Sent) => post(request, '/oauth/token', client, sent, { grant_type: 'client_credentials' });

/**
 * A new client registered for `method` gets a token when it sends its secret `right`, and
 * the other way is refused with 401 invalid_client and `description`. Returns the refusal.
 */
async function onlyTheRegisteredWay(request: APIRequestContext, method: 'client_secret_basic' | 'client_secret_post', right: Sent, description: string) {
  const client = registered(method);
  expect((await token(request, client, right)).status()).toBe(200);

  const refused = await token(request, client, right === 'header' ? 'body' : 'header');
  expect(refused.status()).toBe(401);
  expect(await refused.json()).toEqual({ error: 'invalid_client', error_description: description });
  return refused;
}

test.describe('The registered client authentication method is the only one accepted', () => {
  test('client_secret_basic: the header works, the secret in the body is refused with the method named', async ({ request }) => {
    await onlyTheRegisteredWay(request, 'client_secret_basic', 'header', 'This client is registered for client_secret_basic: send its credentials in the Authorization header');
  });

  test('client_secret_post: the body works, the Authorization header is refused with the method named', async ({ request }) => {
    const refused = await onlyTheRegisteredWay(
      request,
      'client_secret_post',
      'body',
      'This client is registered for client_secret_post: send client_id and client_secret in the form body',
    );
    // RFC 6749 §5.2: a client that tried the Authorization header gets a challenge.
    expect(refused.headers()['www-authenticate']).toContain('client_secret_post');
  });

  test('the same rule holds at the introspection and revocation endpoints', async ({ request }) => {
    for (const [method, right, wrong] of [
      ['client_secret_basic', 'header', 'body'],
      ['client_secret_post', 'body', 'header'],
    ] as const) {
      const client = registered(method);
      const { access_token } = await (await token(request, client, right)).json();
      for (const path of ['/oauth/introspect', '/oauth/revoke']) {
        const refused = await post(request, path, client, wrong, { token: access_token });
        expect(refused.status(), `${path} ${method} via ${wrong}`).toBe(401);
        expect((await refused.json()).error_description).toContain(`registered for ${method}`);
      }
      const introspected = await post(request, '/oauth/introspect', client, right, { token: access_token });
      expect(await introspected.json()).toMatchObject({ active: true, client_id: client.id });
      expect((await post(request, '/oauth/revoke', client, right, { token: access_token })).status()).toBe(200);
      expect(await (await post(request, '/oauth/introspect', client, right, { token: access_token })).json()).toEqual({ active: false });
    }
  });

  test('the default clients are registered for client_secret_basic', async ({ request }) => {
    const refused = await token(request, adminClient, 'body');
    expect(refused.status()).toBe(401);
    expect((await refused.json()).error_description).toContain('registered for client_secret_basic');
    expect((await token(request, adminClient, 'header')).status()).toBe(200);
  });

  test('a wrong secret sent the right way is still the plain invalid_client', async ({ request }) => {
    const client = registered('client_secret_post');
    const wrong = await token(request, { ...client, secret: 'thcs_not-the-secret' }, 'body');
    expect(wrong.status()).toBe(401);
    expect((await wrong.json()).error_description).not.toContain('registered for');
  });
});
