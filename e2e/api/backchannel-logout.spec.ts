import { expect, test, type Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import * as oidc from 'openid-client';
import { completeSignIn, discover } from '../../examples/relying-party';
import { adminToken, bearer } from '../support/admin-api';
import { createApiKey, createClient, createUser, type TestUser } from '../support/cli';
import { startLogoutReceiver, type LogoutReceiver } from '../support/logout-receiver';
import { beginBrowserSignIn } from '../support/relying-party';
import { SignInPage } from '../support/sign-in-page';
import { baseURL } from '../support/test-env';

// OpenID Connect Back-Channel Logout 1.0: a client with a backchannel_logout_uri gets a
// signed logout token, server to server, when its user's session at Thalamus ends. The
// client here is a receiver on loopback (the test servers allow that with
// BACKCHANNEL_LOGOUT_ALLOW_PRIVATE=true; a real deployment only posts to public https).

const redirectUri = 'https://notes.example.test/callback';
const jwks = createRemoteJWKSet(new URL(`${baseURL}/oauth/jwks`));
let receiver: LogoutReceiver | undefined;
test.afterEach(async () => receiver?.close());

/** A new user signs in to a new web app that has a back-channel logout endpoint; returns its tokens. */
async function signedInClient(page: Page, logoutUri: string) {
  const user = createUser();
  const { client_secret, ...client } = createClient({
    name: `Notes ${randomBytes(3).toString('hex')}`,
    grant_types: ['authorization_code'],
    redirect_uris: [redirectUri],
    scopes: ['openid'],
    backchannel_logout_uri: logoutUri,
  });
  const config = await discover(baseURL, client.client_id, client_secret);
  const { start, callback } = await beginBrowserSignIn(page, config, redirectUri, 'openid');
  await new SignInPage(page).signIn(user);
  const tokens = await completeSignIn(config, await callback, start);
  return { user, clientId: client.client_id, config, tokens };
}

/** The checks a relying party makes (§2.6): signature with the JWKS, iss, aud, typ, the event, no nonce. */
async function verifyLogoutToken(token: string, clientId: string, user: TestUser) {
  const { payload, protectedHeader } = await jwtVerify(token, jwks, { issuer: baseURL, audience: clientId, typ: 'logout+jwt', maxTokenAge: '2 minutes' });
  expect(protectedHeader.alg).toBe('ES256');
  expect(payload).toMatchObject({ sub: user.id, events: { 'http://schemas.openid.net/event/backchannel-logout': {} } });
  expect(payload.jti).toEqual(expect.any(String));
  expect(payload.sid).toEqual(expect.any(String));
  expect(payload).not.toHaveProperty('nonce');
  return payload;
}

test.describe('Back-channel logout (OIDC Back-Channel Logout 1.0)', () => {
  test('discovery says back-channel logout is supported, with sid', async () => {
    const config = (await (await fetch(`${baseURL}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(config).toMatchObject({ backchannel_logout_supported: true, backchannel_logout_session_supported: true });
  });

  test('a user who signs out at /oauth/logout is signed out of the client too: it gets a logout token it verifies with the JWKS', async ({ page }) => {
    receiver = await startLogoutReceiver();
    const { user, clientId, config, tokens } = await signedInClient(page, receiver.uri);

    await page.goto(oidc.buildEndSessionUrl(config, { id_token_hint: tokens.id_token! }).href);
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await expect(page.getByRole('heading', { name: 'You are signed out' })).toBeVisible();

    await expect.poll(() => receiver!.tokens.length).toBe(1);
    const logout = await verifyLogoutToken(receiver.tokens[0]!, clientId, user);
    // The ID token named the same session (§2.1), so the client knows which of its sessions to end.
    expect(tokens.claims()!.sid).toBe(logout.sid);
  });

  test('an administrator ending a user’s sessions tells the client; a delivery the client refuses is retried', async ({ page, request }) => {
    receiver = await startLogoutReceiver([503]);
    const { user, clientId } = await signedInClient(page, receiver.uri);

    const revoked = await request.post(`/api/users/${user.id}/revoke-sessions`, { headers: bearer(await adminToken(request)) });
    expect(await revoked.json()).toEqual({ revoked: 1 });

    // The first attempt got 503; the queue tries again (after 1 s in the test servers).
    await expect.poll(() => receiver!.tokens.length, { timeout: 15_000 }).toBe(2);
    const [first, retried] = await Promise.all(receiver.tokens.map((token) => verifyLogoutToken(token, clientId, user)));
    expect(retried!.sid).toBe(first!.sid);
    expect(retried!.jti).not.toBe(first!.jti);
  });

  test('a back-channel logout URI must be https (http only on loopback), checked by the client schema', async ({ request }) => {
    const { key } = createApiKey('clients:write');
    const client = { name: 'Notes', grant_types: ['client_credentials'], scopes: ['openid'] };
    for (const uri of ['http://notes.example.test/logout', 'https://notes.example.test/logout#x', 'notes']) {
      const response = await request.post('/api/clients', { headers: bearer(key), data: { ...client, backchannel_logout_uri: uri } });
      expect(response.status(), uri).toBe(400);
      expect((await response.json()).fields, uri).toEqual([{ path: 'backchannel_logout_uri', message: expect.stringMatching(/^Back-channel logout URI must/) }]);
    }
    const accepted = await request.post('/api/clients', { headers: bearer(key), data: { ...client, backchannel_logout_uri: 'https://notes.example.test/logout' } });
    expect(accepted.status()).toBe(201);
    expect(await accepted.json()).toMatchObject({ backchannel_logout_uri: 'https://notes.example.test/logout' });
  });
});
