import { expect, test } from '@playwright/test';
import { baseURL } from '../support/test-env';

// Conformance: the authorization endpoint's responses that need no signed-in user
// (RFC 6749 §4.1.2.1, RFC 9207, OpenID Connect Core §3.1.2). The desktop agent is a
// public native client registered with http://127.0.0.1/callback.

const clientId = 'thalamus-desktop-agent';
const redirectUri = 'http://127.0.0.1:53682/callback';
const pkce = { code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM', code_challenge_method: 'S256' };

function authorizeUrl(params: Record<string, string> = {}): string {
  return `/oauth/authorize?${new URLSearchParams({ client_id: clientId, response_type: 'code', scope: 'openid', redirect_uri: redirectUri, state: 'st', ...pkce, ...params })}`;
}

/** A 2 KB state with characters that must survive percent-encoding both ways. */
const longState = `${'Az09-._~ +/=&%?#é'.repeat(130)}`.slice(0, 2048);

test.describe('Conformance: authorization endpoint', () => {
  test('every error redirect carries iss (RFC 9207 §2) and the state unchanged', async ({ request }) => {
    const cases: [string, Record<string, string>][] = [
      ['login_required', { prompt: 'none' }],
      ['invalid_request', { code_challenge: '', code_challenge_method: '' }],
      ['invalid_request', { code_challenge_method: 'plain' }],
      ['invalid_request', { prompt: 'none login' }],
      ['invalid_request', { max_age: 'soon' }],
      ['invalid_scope', { scope: 'openid directory:write' }],
      ['invalid_request', { response_type: '' }],
    ];
    for (const [error, params] of cases) {
      const response = await request.get(authorizeUrl(params), { maxRedirects: 0 });
      expect(response.status(), JSON.stringify(params)).toBe(303);
      const location = new URL(response.headers().location!);
      expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
      expect({ error: location.searchParams.get('error'), iss: location.searchParams.get('iss'), state: location.searchParams.get('state') }, JSON.stringify(params)).toEqual({
        error,
        iss: baseURL,
        state: 'st',
      });
      expect(location.searchParams.get('code')).toBeNull();
    }
  });

  test('an error in the fragment (unsupported response_type) carries iss too', async ({ request }) => {
    const response = await request.get(authorizeUrl({ response_type: 'token', nonce: 'n' }), { maxRedirects: 0 });
    expect(response.status()).toBe(303);
    const fragment = new URLSearchParams(new URL(response.headers().location!).hash.slice(1));
    expect(fragment.get('error')).toBe('unsupported_response_type');
    expect(fragment.get('iss')).toBe(baseURL);
  });

  test('a 2 KB state is echoed exactly, even in an error response', async ({ request }) => {
    expect(longState).toHaveLength(2048);
    const response = await request.get(authorizeUrl({ prompt: 'none', state: longState }), { maxRedirects: 0 });
    expect(response.status()).toBe(303);
    const location = new URL(response.headers().location!);
    expect(location.searchParams.get('error')).toBe('login_required');
    expect(location.searchParams.get('state')).toBe(longState);
  });

  test('unknown parameters, scope values and optional display hints are ignored (RFC 6749 §3.1, §3.3)', async ({ request }) => {
    for (const params of [
      { utm_source: 'newsletter', foo: 'bar', 'x-custom': '{"a":1}' },
      { scope: 'email openid' }, // any order
      { scope: 'openid address phone' }, // scopes Thalamus does not offer
      { display: 'popup', ui_locales: 'fr-CA de', claims_locales: 'de' },
    ] as Record<string, string>[]) {
      const response = await request.get(authorizeUrl(params), { maxRedirects: 0 });
      expect(response.status(), JSON.stringify(params)).toBe(303);
      expect(new URL(response.headers().location!, baseURL).pathname, JSON.stringify(params)).toMatch(/^\/interaction\//);
    }
  });

  test('a code request without nonce is accepted: OIDC Core §3.1.2.1 makes nonce optional for response_type=code', async ({ request }) => {
    const response = await request.get(authorizeUrl({ scope: 'openid profile' }), { maxRedirects: 0 });
    expect(response.status()).toBe(303);
    expect(new URL(response.headers().location!, baseURL).pathname).toMatch(/^\/interaction\//);
  });

  test('no CORS headers for a foreign origin: the authorization endpoint is for top-level navigation only', async ({ request }) => {
    const origin = 'https://evil.example';
    const get = await request.get(authorizeUrl(), { headers: { Origin: origin }, maxRedirects: 0 });
    expect(get.status()).toBeLessThan(500);
    expect(get.headers()['access-control-allow-origin']).toBeUndefined();
    expect(get.headers()['access-control-allow-credentials']).toBeUndefined();

    const preflight = await request.fetch(authorizeUrl(), {
      method: 'OPTIONS',
      headers: { Origin: origin, 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'authorization' },
      maxRedirects: 0,
    });
    expect(preflight.status()).toBeLessThan(500);
    expect(preflight.headers()['access-control-allow-origin']).toBeUndefined();
  });

  test('malformed authorization requests are answered with 400 or an error redirect, never a 500', async ({ request }) => {
    const raw = [
      `${authorizeUrl()}&client_id=${clientId}`, // a repeated parameter (RFC 6749 §3.1)
      `${authorizeUrl()}&scope=openid`,
      '/oauth/authorize?client_id=%ZZ&response_type=code',
      '/oauth/authorize',
      `/oauth/authorize?client_id=${'x'.repeat(5000)}&response_type=code`,
      authorizeUrl({ request: 'not-a-jwt' }),
      authorizeUrl({ request_uri: 'https://evil.example/request.jwt' }),
      authorizeUrl({ claims: '{not json' }),
      authorizeUrl({ id_token_hint: 'garbage', prompt: 'none' }),
      authorizeUrl({ response_mode: 'form_post_evil' }),
      authorizeUrl({ resource: 'not a uri' }),
      authorizeUrl({ ui_locales: '\u0000' }),
    ];
    for (const url of raw) {
      const response = await request.get(url, { maxRedirects: 0 });
      expect(response.status(), url.slice(0, 120)).toBeLessThan(500);
      expect([303, 400], url.slice(0, 120)).toContain(response.status());
    }
  });

  test('POST to the authorization endpoint is not offered and is refused cleanly (see the cookie note in lib/oidc/configuration.ts)', async ({ request }) => {
    // OIDC Core §3.1.2.1 asks for POST as well; oidc-provider 9 offers it only with
    // SameSite=None session cookies, which Thalamus does not use. Until that changes,
    // a POST must at least never reach a sign-in or a server error.
    const body = Object.fromEntries(new URLSearchParams(authorizeUrl({ prompt: 'none' }).split('?')[1]));
    const response = await request.post('/oauth/authorize', { form: body, maxRedirects: 0 });
    expect([404, 405]).toContain(response.status());
    expect(response.headers().location).toBeUndefined();
  });
});
