import { expect, test, type Page } from '@playwright/test';
import * as oidc from 'openid-client';
import { completeSignIn } from '../../examples/relying-party';
import { DESKTOP_AGENT, desktopSignIn } from '../support/desktop-agent';
import { baseURL } from '../support/test-env';
import { beginBrowserSignIn } from '../support/relying-party';

// What the token and authorization endpoints refuse (RFC 6749, RFC 7636, RFC 9700),
// checked over plain HTTP with codes obtained by a real sign-in.

const { clientId, redirectUri } = DESKTOP_AGENT;

async function signedIn(page: Page) {
  const { config, start, callback } = await desktopSignIn(page);
  return { config, first: { start, callback } };
}

/** Another code in the same browser session (single sign-on, no page). */
async function nextCode(page: Page, config: oidc.Configuration) {
  const { start, callback } = await beginBrowserSignIn(page, config, redirectUri);
  const url = await callback;
  return { code: url.searchParams.get('code')!, verifier: start.codeVerifier };
}

function redeem(code: string, verifier?: string) {
  return fetch(`${baseURL}/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: clientId, redirect_uri: redirectUri, code, ...(verifier ? { code_verifier: verifier } : {}) }),
  });
}

test.describe('Authorization code rules', () => {
  test('a code works once; using it again fails and revokes the tokens it gave (RFC 6749 §4.1.2)', async ({ page }) => {
    const { config, first } = await signedIn(page);
    const tokens = await completeSignIn(config, first.callback, first.start);
    const code = first.callback.searchParams.get('code')!;

    const replay = await redeem(code, first.start.codeVerifier);
    expect(replay.status).toBe(400);
    expect((await replay.json()).error).toBe('invalid_grant');
    const userinfo = await fetch(`${baseURL}/oauth/userinfo`, { headers: { Authorization: `Bearer ${tokens.access_token}` } });
    expect(userinfo.status).toBe(401);
  });

  test('a wrong or missing PKCE verifier is invalid_grant (RFC 7636 §4.6)', async ({ page }) => {
    const { config } = await signedIn(page);
    const wrong = await nextCode(page, config);
    const wrongAnswer = await redeem(wrong.code, oidc.randomPKCECodeVerifier());
    expect(wrongAnswer.status).toBe(400);
    expect((await wrongAnswer.json()).error).toBe('invalid_grant');

    const missing = await nextCode(page, config);
    const missingAnswer = await redeem(missing.code);
    expect(missingAnswer.status).toBe(400);
    expect((await missingAnswer.json()).error).toMatch(/invalid_grant|invalid_request/);
  });

  test('20 parallel redemptions of one code: exactly one succeeds, none fails with a server error', async ({ page }) => {
    const { config } = await signedIn(page);
    const { code, verifier } = await nextCode(page, config);
    const responses = await Promise.all(Array.from({ length: 20 }, () => redeem(code, verifier)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    for (const response of responses.filter((r) => r.status !== 200)) expect((await response.json()).error).toBe('invalid_grant');
  });

  test('a public client must send a PKCE challenge, and only S256 (RFC 9700 §2.1.1)', async ({ request }) => {
    const base = `/oauth/authorize?client_id=${clientId}&response_type=code&scope=openid&redirect_uri=${encodeURIComponent(redirectUri)}&state=s`;
    for (const [query, expected] of [
      ['', 'invalid_request'],
      ['&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=plain', 'invalid_request'],
    ] as const) {
      const response = await request.get(`${base}${query}`, { maxRedirects: 0 });
      expect(response.status()).toBe(303);
      const location = new URL(response.headers().location!);
      expect(location.searchParams.get('error')).toBe(expected);
    }
  });

  test('the implicit flow is refused (response_type=token)', async ({ request }) => {
    const response = await request.get(`/oauth/authorize?client_id=${clientId}&response_type=token&scope=openid&redirect_uri=${encodeURIComponent(redirectUri)}&state=s&nonce=n`, {
      maxRedirects: 0,
    });
    expect(response.status()).toBe(303);
    // Errors for a token response type travel in the fragment (OAuth 2.0 Multiple Response Types §5).
    const location = new URL(response.headers().location!);
    expect(new URLSearchParams(location.hash.slice(1)).get('error')).toBe('unsupported_response_type');
    expect(location.searchParams.get('access_token')).toBeNull();
  });

  test('a redirect URI that is not registered exactly gets an error page, never a redirect (RFC 9700 §4.1)', async ({ request }) => {
    const web = 'https://rp.example.test/callback';
    const { execFileSync } = await import('node:child_process');
    const created = JSON.parse(
      execFileSync(
        process.execPath,
        ['bin/thalamus.mjs', 'clients', 'create', '--data', JSON.stringify({ name: 'Exact Match', grant_types: ['authorization_code'], redirect_uris: [web], scopes: ['openid'] })],
        { encoding: 'utf8' },
      ),
    ) as { client_id: string };
    for (const candidate of [
      `${web}/`,
      'https://rp.example.test/Callback',
      `${web}?next=/admin`,
      'https://rp.example.test@evil.example/callback',
      'https://evil.example/callback',
    ]) {
      const response = await request.get(
        `/oauth/authorize?client_id=${created.client_id}&response_type=code&scope=openid&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256&redirect_uri=${encodeURIComponent(candidate)}`,
        { maxRedirects: 0 },
      );
      expect(response.status(), candidate).toBe(400);
      expect(response.headers().location, candidate).toBeUndefined();
      expect(await response.text()).toContain('invalid_redirect_uri');
    }
  });
});
