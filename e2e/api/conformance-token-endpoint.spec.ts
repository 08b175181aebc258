import { expect, test, type APIResponse } from '@playwright/test';
import { basicAuth, syncClient } from '../support/test-env';

// Conformance: token endpoint responses that need no signed-in user (RFC 6749 §5).
// The authorization code and refresh token grants are covered with a real sign-in in
// e2e/browser/conformance-authorization-code.spec.ts and conformance-tokens-and-userinfo.spec.ts.

const desktopAgent = 'thalamus-desktop-agent';
const auth = { Authorization: basicAuth(syncClient.id, syncClient.secret) };

/** RFC 6749 §5.1 (and §5.2 by reference): responses with tokens or about them must not be cached. */
function expectNotCached(response: APIResponse, label: string) {
  expect(response.headers()['cache-control'], label).toMatch(/no-store/);
}

test.describe('Conformance: token endpoint', () => {
  test('a successful token response carries Cache-Control: no-store (RFC 6749 §5.1)', async ({ request }) => {
    const response = await request.post('/oauth/token', { headers: auth, form: { grant_type: 'client_credentials', scope: 'directory:read' } });
    expect(response.status()).toBe(200);
    expectNotCached(response, 'client_credentials');
    expect(await response.json()).toMatchObject({ token_type: 'Bearer', access_token: expect.any(String) });
  });

  test('error responses are not cached either, whatever the error', async ({ request }) => {
    const cases: [string, Record<string, string>, Record<string, string>][] = [
      ['invalid_client', { Authorization: basicAuth(syncClient.id, 'wrong') }, { grant_type: 'client_credentials' }],
      ['invalid_grant', {}, { grant_type: 'refresh_token', client_id: desktopAgent, refresh_token: 'not-a-token' }],
      ['invalid_request', {}, { grant_type: 'refresh_token', client_id: desktopAgent }],
      // RFC 6749 §5.2: a grant type the client is not registered for.
      ['unauthorized_client', auth, { grant_type: 'refresh_token', refresh_token: 'not-a-token' }],
      ['unsupported_grant_type', auth, { grant_type: 'password', username: 'a', password: 'b' }],
      ['invalid_scope', auth, { grant_type: 'client_credentials', scope: 'clients:write' }],
    ];
    for (const [error, headers, form] of cases) {
      const response = await request.post('/oauth/token', { headers, form });
      expect(response.status(), error).toBeGreaterThanOrEqual(400);
      expect(response.status(), error).toBeLessThan(500);
      expect((await response.json()).error, JSON.stringify(form)).toBe(error);
      expectNotCached(response, error);
    }
  });

  test('an authorization code that was never issued is invalid_grant', async ({ request }) => {
    const response = await request.post('/oauth/token', {
      form: {
        grant_type: 'authorization_code',
        client_id: desktopAgent,
        code: 'not-a-real-code',
        redirect_uri: 'http://127.0.0.1:53682/callback',
        code_verifier: 'a'.repeat(43),
      },
    });
    expect(response.status()).toBe(400);
    expect((await response.json()).error).toBe('invalid_grant');
    expectNotCached(response, 'unknown code');
  });

  test('GET is not a way to ask for tokens (RFC 6749 §3.2: POST only)', async ({ request }) => {
    const response = await request.get('/oauth/token?grant_type=client_credentials', { headers: auth });
    expect(response.status()).toBeGreaterThanOrEqual(400);
    expect(response.status()).toBeLessThan(500);
    expect(await response.text()).not.toContain('access_token');
  });
});
