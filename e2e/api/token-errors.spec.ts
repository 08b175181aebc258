import { expect, test } from '@playwright/test';
import { adminClient, basicAuth } from '../support/test-env';
import { requestToken } from '../support/token-request';

test.describe('Token endpoint errors', () => {
  test('a wrong client secret is 401 invalid_client', async ({ request }) => {
    const response = await requestToken(request, { id: adminClient.id, secret: `${adminClient.secret}x` }, { grant_type: 'client_credentials' });
    expect(response.status()).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });

  test('an unknown client is 401 invalid_client, like a wrong secret', async ({ request }) => {
    const response = await requestToken(request, { id: 'no-such-client', secret: 'whatever' }, { grant_type: 'client_credentials' });
    expect(response.status()).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'invalid_client' });
  });

  test('a JSON body is read as the same parameters as the form, a convenience beyond RFC 6749 §3.2', async ({ request }) => {
    // RFC 6749 §3.2 asks for application/x-www-form-urlencoded; many libraries and guides send JSON.
    const body = { grant_type: 'client_credentials', scope: 'admin' };
    const response = await request.post('/oauth/token', {
      headers: { Authorization: basicAuth(adminClient.id, adminClient.secret), 'Content-Type': 'application/json' },
      data: JSON.stringify(body),
    });
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ token_type: 'Bearer', scope: 'admin', access_token: expect.any(String) });
  });

  test('a JSON body with a nested value, or that is not JSON, is 400 invalid_request', async ({ request }) => {
    const headers = { Authorization: basicAuth(adminClient.id, adminClient.secret), 'Content-Type': 'application/json' };
    for (const [data, named] of [
      [JSON.stringify({ grant_type: 'client_credentials', scope: ['admin'] }), 'scope'],
      [JSON.stringify({ grant_type: { type: 'client_credentials' } }), 'grant_type'],
      [JSON.stringify(['grant_type', 'client_credentials']), 'object'],
      ['{"grant_type": "client_credentials"', 'JSON'],
    ] as const) {
      const response = await request.post('/oauth/token', { headers, data });
      expect(response.status(), data).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'invalid_request', error_description: expect.stringContaining(named) });
    }
  });

  test('a malformed form body is 400, never 500', async ({ request }) => {
    const response = await request.post('/oauth/token', {
      headers: { Authorization: basicAuth(adminClient.id, adminClient.secret), 'Content-Type': 'application/x-www-form-urlencoded' },
      data: Buffer.from('%%%&grant_type=%ZZ&&=', 'latin1'),
    });
    expect(response.status()).toBe(400);
    expect(await response.json()).toHaveProperty('error');
  });

  test('the password grant is not offered (OAuth 2.1, RFC 9700 §2.4)', async ({ request }) => {
    const response = await requestToken(request, adminClient, { grant_type: 'password', username: 'someone@example.test', password: 'secret' });
    expect(response.status()).toBe(400);
    expect((await response.json()).error).toBe('unsupported_grant_type');
  });

  test('an unknown resource indicator is refused with invalid_target (RFC 8707)', async ({ request }) => {
    const response = await requestToken(request, adminClient, { grant_type: 'client_credentials', resource: 'https://elsewhere.example/api' });
    expect(response.status()).toBe(400);
    expect((await response.json()).error).toBe('invalid_target');
  });

  test('a malformed Basic header is 400 or 401, never 500', async ({ request }) => {
    for (const header of ['Basic', 'Basic !!!', `Basic ${Buffer.from('no-colon').toString('base64')}`, 'Bearer abc']) {
      const response = await request.post('/oauth/token', { headers: { Authorization: header }, form: { grant_type: 'client_credentials' } });
      expect([400, 401], header).toContain(response.status());
    }
  });
});
