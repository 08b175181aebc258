import { expect, test, type APIRequestContext } from '@playwright/test';
import { createClient } from '../support/cli';
import { baseURL } from '../support/test-env';

// Conformance: redirect URI matching and PKCE at the authorization endpoint
// (RFC 6749 §3.1.2, RFC 9700 §2.1 and §4.1, RFC 8252 §7.3, RFC 7636).

const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';
const desktopAgent = 'thalamus-desktop-agent'; // native, registered http://127.0.0.1/callback

function authorizeUrl(params: Record<string, string | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries({ response_type: 'code', scope: 'openid', state: 'st', ...params })) {
    if (value !== undefined) query.set(name, value);
  }
  return `/oauth/authorize?${query}`;
}

const withPkce = { code_challenge: challenge, code_challenge_method: 'S256' };

/** The request was accepted: the browser is sent on to the hosted sign-in. */
async function expectSignInPage(request: APIRequestContext, url: string) {
  const response = await request.get(url, { maxRedirects: 0 });
  expect(response.status(), url).toBe(303);
  expect(new URL(response.headers().location!, baseURL).pathname, url).toMatch(/^\/interaction\//);
}

/** The request was refused without a redirect: the user sees an error page (RFC 6749 §4.1.2.1). */
async function expectErrorPage(request: APIRequestContext, url: string, error: string) {
  const response = await request.get(url, { maxRedirects: 0 });
  expect(response.status(), url).toBe(400);
  expect(response.headers().location, url).toBeUndefined();
  expect(await response.text(), url).toContain(error);
}

/** The request was refused with a redirect to the client: error, state and iss in the query. */
async function expectErrorRedirect(request: APIRequestContext, url: string, redirectUri: string) {
  const response = await request.get(url, { maxRedirects: 0 });
  expect(response.status(), url).toBe(303);
  const location = new URL(response.headers().location!);
  expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
  return location.searchParams;
}

test.describe('Conformance: redirect URIs', () => {
  const first = 'https://two.example.test/callback';
  const second = 'https://two.example.test/other-callback';
  let twoUris: string;

  test.beforeAll(() => {
    twoUris = createClient({ name: 'Two Redirect URIs', grant_types: ['authorization_code'], redirect_uris: [first, second], scopes: ['openid'] }).client_id;
  });

  test('each registered redirect URI is accepted when sent exactly', async ({ request }) => {
    for (const redirectUri of [first, second]) await expectSignInPage(request, authorizeUrl({ client_id: twoUris, redirect_uri: redirectUri, ...withPkce }));
  });

  test('a client with two registered redirect URIs must name one: none sent is an error page', async ({ request }) => {
    // OIDC Core §3.1.2.1 makes redirect_uri required; with two candidates there is nothing safe to guess.
    await expectErrorPage(request, authorizeUrl({ client_id: twoUris, ...withPkce }), 'invalid_request');
  });

  test('near misses of a registered URI are error pages, never redirects', async ({ request }) => {
    for (const candidate of [
      `${first}/`,
      first.toUpperCase(),
      first.replace('callback', 'Callback'),
      `${first}?next=/admin`,
      `${first}#x`,
      'https://two.example.test@evil.example/callback',
      'https://two.example.test.evil.example/callback',
    ]) {
      await expectErrorPage(request, authorizeUrl({ client_id: twoUris, redirect_uri: candidate, ...withPkce }), 'invalid_redirect_uri');
    }
  });

  test('a registered query component must match exactly and is kept in the response (RFC 6749 §3.1.2)', async ({ request }) => {
    const registered = 'https://query.example.test/callback?tenant=a';
    const clientId = createClient({ name: 'Query In Redirect', grant_types: ['authorization_code'], redirect_uris: [registered], scopes: ['openid'] }).client_id;
    for (const candidate of ['https://query.example.test/callback?tenant=b', 'https://query.example.test/callback', `${registered}&tenant=b`]) {
      await expectErrorPage(request, authorizeUrl({ client_id: clientId, redirect_uri: candidate, ...withPkce }), 'invalid_redirect_uri');
    }
    const answer = await expectErrorRedirect(
      request,
      authorizeUrl({ client_id: clientId, redirect_uri: registered, prompt: 'none', ...withPkce }),
      'https://query.example.test/callback',
    );
    expect(answer.get('tenant')).toBe('a');
    expect(answer.get('error')).toBe('login_required');
  });

  test("a native client's loopback redirect URI is accepted on any port (RFC 8252 §7.3)", async ({ request }) => {
    for (const port of ['53682', '1024', '65535']) {
      await expectSignInPage(request, authorizeUrl({ client_id: desktopAgent, redirect_uri: `http://127.0.0.1:${port}/callback`, ...withPkce }));
    }
  });

  test('only the port may vary for a loopback URI: host, scheme, path and query must match', async ({ request }) => {
    for (const candidate of [
      'http://localhost:53682/callback', // RFC 8252 §8.3: a name, not the loopback literal that was registered
      'http://[::1]:53682/callback',
      'https://127.0.0.1:53682/callback',
      'http://127.0.0.1:53682/callback/',
      'http://127.0.0.1:53682/other',
      'http://127.0.0.1:53682/callback?next=x',
      'http://user@127.0.0.1:53682/callback',
    ]) {
      await expectErrorPage(request, authorizeUrl({ client_id: desktopAgent, redirect_uri: candidate, ...withPkce }), 'invalid_redirect_uri');
    }
  });

  test("the any-port rule is for native clients only: a web client's port must match", async ({ request }) => {
    const registered = 'https://127.0.0.1:8443/callback';
    const web = createClient({ name: 'Web On Loopback', grant_types: ['authorization_code'], redirect_uris: [registered], scopes: ['openid'] }).client_id;
    await expectSignInPage(request, authorizeUrl({ client_id: web, redirect_uri: registered, ...withPkce }));
    await expectErrorPage(request, authorizeUrl({ client_id: web, redirect_uri: 'https://127.0.0.1:9443/callback', ...withPkce }), 'invalid_redirect_uri');
    // And a web client cannot register a plain-http loopback URI in the first place.
    expect(() => createClient({ name: 'Web Over HTTP', grant_types: ['authorization_code'], redirect_uris: ['http://127.0.0.1/callback'], scopes: ['openid'] })).toThrow(/https/);
  });
});

test.describe('Conformance: PKCE at the authorization endpoint', () => {
  const redirectUri = 'https://pkce.example.test/callback';
  let requiresPkce: string;
  let pkceOptional: string;

  test.beforeAll(() => {
    const body = { grant_types: ['authorization_code'], redirect_uris: [redirectUri], scopes: ['openid'] };
    requiresPkce = createClient({ ...body, name: 'Confidential With PKCE' }).client_id;
    pkceOptional = createClient({ ...body, name: 'Confidential Without PKCE', require_pkce: false }).client_id;
  });

  test('a confidential client requires PKCE unless registered otherwise (RFC 9700 §2.1.1)', async ({ request }) => {
    const refused = await expectErrorRedirect(request, authorizeUrl({ client_id: requiresPkce, redirect_uri: redirectUri }), redirectUri);
    expect(refused.get('error')).toBe('invalid_request');
    expect(refused.get('error_description')).toMatch(/PKCE/);
    await expectSignInPage(request, authorizeUrl({ client_id: requiresPkce, redirect_uri: redirectUri, ...withPkce }));
  });

  test('a confidential client registered with require_pkce: false may leave PKCE out', async ({ request }) => {
    await expectSignInPage(request, authorizeUrl({ client_id: pkceOptional, redirect_uri: redirectUri }));
    await expectSignInPage(request, authorizeUrl({ client_id: pkceOptional, redirect_uri: redirectUri, ...withPkce }));
  });

  test('the plain method is refused for every client, even where PKCE is optional (RFC 9700 §2.1.1)', async ({ request }) => {
    for (const clientId of [requiresPkce, pkceOptional]) {
      const refused = await expectErrorRedirect(
        request,
        authorizeUrl({ client_id: clientId, redirect_uri: redirectUri, code_challenge: challenge, code_challenge_method: 'plain' }),
        redirectUri,
      );
      expect(refused.get('error'), clientId).toBe('invalid_request');
    }
  });

  test('a malformed code_challenge is refused (RFC 7636 §4.2: 43 to 128 unreserved characters)', async ({ request }) => {
    for (const bad of ['short', 'a'.repeat(129), `${challenge.slice(0, 42)}!`]) {
      const refused = await expectErrorRedirect(
        request,
        authorizeUrl({ client_id: requiresPkce, redirect_uri: redirectUri, code_challenge: bad, code_challenge_method: 'S256' }),
        redirectUri,
      );
      expect(refused.get('error'), bad).toBe('invalid_request');
    }
  });
});
