import { expect, test, type Page } from '@playwright/test';
import * as oidc from 'openid-client';
import { completeSignIn, discover } from '../../examples/relying-party';
import { createClient, createUser } from '../support/cli';
import { DESKTOP_AGENT, desktopSignIn } from '../support/desktop-agent';
import { expireAuthorizationCode } from '../support/database';
import { basicAuth, baseURL } from '../support/test-env';
import { expectCallback } from '../support/relying-party';
import { SignInPage } from '../support/sign-in-page';

// Conformance: what the token endpoint does with authorization codes (RFC 6749 §4.1.3,
// RFC 7636 §4.6, RFC 9700 §2.1.1 and §4.8), with codes from real sign-ins.

const { clientId: desktopAgent, redirectUri: loopback } = DESKTOP_AGENT;

/** Signs a new user in with the desktop agent; returns a code and its verifier. */
async function desktopCode(page: Page) {
  const { config, start, callback: url } = await desktopSignIn(page);
  return { config, start, url, code: url.searchParams.get('code')!, verifier: start.codeVerifier };
}

function redeem(form: Record<string, string>, headers: Record<string, string> = {}) {
  return fetch(`${baseURL}/oauth/token`, { method: 'POST', headers, body: new URLSearchParams({ grant_type: 'authorization_code', ...form }) });
}

test.describe('Conformance: authorization codes', () => {
  test('a code is bound to the client it was issued to (RFC 6749 §4.1.3)', async ({ page }) => {
    // Another public client with the very same redirect URI: only the client differs.
    const other = createClient({
      name: 'Look-alike Agent',
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code'],
      redirect_uris: ['http://127.0.0.1/callback'],
      scopes: ['openid'],
    });
    const { code, verifier } = await desktopCode(page);

    const stolen = await redeem({ client_id: other.client_id, code, code_verifier: verifier, redirect_uri: loopback });
    expect(stolen.status).toBe(400);
    expect(await stolen.json()).toMatchObject({ error: 'invalid_grant' });

    const rightful = await redeem({ client_id: desktopAgent, code, code_verifier: verifier, redirect_uri: loopback });
    expect(rightful.status).toBe(200);
    // RFC 6749 §5.1: a response with tokens must not be cached.
    expect(rightful.headers.get('cache-control')).toMatch(/no-store/);
  });

  test('the redirect_uri at the token endpoint must be the one the code was issued for (RFC 6749 §4.1.3)', async ({ page }) => {
    const { code, verifier } = await desktopCode(page);
    for (const redirectUri of ['http://127.0.0.1:53683/callback', 'http://127.0.0.1:53682/other']) {
      const answer = await redeem({ client_id: desktopAgent, code, code_verifier: verifier, redirect_uri: redirectUri });
      expect(answer.status, redirectUri).toBe(400);
      expect((await answer.json()).error, redirectUri).toBe('invalid_grant');
    }
  });

  test('an expired code is invalid_grant', async ({ page }) => {
    const { code, verifier } = await desktopCode(page);
    await expireAuthorizationCode(code);
    const answer = await redeem({ client_id: desktopAgent, code, code_verifier: verifier, redirect_uri: loopback });
    expect(answer.status).toBe(400);
    expect((await answer.json()).error).toBe('invalid_grant');
  });

  test('reusing a code revokes the access and refresh tokens of its first redemption (RFC 6749 §4.1.2)', async ({ page }) => {
    const { config, start, url, code, verifier } = await desktopCode(page);
    const tokens = await completeSignIn(config, url, start);
    expect(tokens.refresh_token).toBeTruthy();

    const replay = await redeem({ client_id: desktopAgent, code, code_verifier: verifier, redirect_uri: loopback });
    expect(replay.status).toBe(400);
    expect((await replay.json()).error).toBe('invalid_grant');

    await expect(oidc.refreshTokenGrant(config, tokens.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
    const userinfo = await fetch(`${baseURL}/oauth/userinfo`, { headers: { Authorization: `Bearer ${tokens.access_token}` } });
    expect(userinfo.status).toBe(401);
  });

  test('where PKCE is optional, a code_verifier for a code issued without a challenge is refused (RFC 9700 §4.8.2)', async ({ page }) => {
    const redirectUri = 'https://no-pkce.example.test/callback';
    const { client_secret, ...client } = createClient({
      name: 'Legacy Web App',
      grant_types: ['authorization_code'],
      redirect_uris: [redirectUri],
      scopes: ['openid'],
      require_pkce: false,
    });
    const config = await discover(baseURL, client.client_id, client_secret);
    const auth = { Authorization: basicAuth(client.client_id, client_secret!) };

    /** An authorization request without code_challenge, as a client without PKCE sends it. */
    const codeWithoutChallenge = async () => {
      const url = oidc.buildAuthorizationUrl(config, { redirect_uri: redirectUri, scope: 'openid', state: oidc.randomState() });
      const callback = expectCallback(page, redirectUri);
      await page.goto(url.href).catch((error: unknown) => {
        if (!/net::ERR_|interrupted by another navigation/.test(String(error))) throw error;
      });
      return callback;
    };

    const first = codeWithoutChallenge();
    await new SignInPage(page).signIn(createUser());
    const downgraded = await redeem({ code: (await first).searchParams.get('code')!, redirect_uri: redirectUri, code_verifier: oidc.randomPKCECodeVerifier() }, auth);
    expect(downgraded.status).toBe(400);
    expect((await downgraded.json()).error).toBe('invalid_grant');

    // The same client without a verifier is fine: PKCE was switched off for it.
    const second = await codeWithoutChallenge();
    const plain = await redeem({ code: second.searchParams.get('code')!, redirect_uri: redirectUri }, auth);
    expect(plain.status).toBe(200);
    expect(await plain.json()).toMatchObject({ token_type: 'Bearer', id_token: expect.any(String) });
  });
});
