import { createHash, randomUUID } from 'node:crypto';
import { expect, test } from '@playwright/test';
import * as oidc from 'openid-client';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { createClient, createUser } from '../support/cli';
import { authorize } from '../support/http-sign-in';
import { baseURL, basicAuth, syncClient } from '../support/test-env';

/**
 * Sender-constrained tokens (DPoP, RFC 9449) and pushed authorization requests (PAR,
 * RFC 9126): open to every client, required by the clients whose settings say so. The
 * relying party is openid-client; the user signs in on the hosted pages over HTTP.
 */

const insecure = { execute: [oidc.allowInsecureRequests] };
const REDIRECT = 'https://app.example.test/callback';

function registerWebApp(name: string, settings: Record<string, unknown> = {}) {
  const { client_secret, ...client } = createClient({
    name,
    grant_types: ['authorization_code', 'refresh_token'],
    redirect_uris: [REDIRECT],
    scopes: ['openid', 'profile'],
    ...settings,
  });
  return { client, secret: client_secret! };
}

async function discover(client: { client_id: string }, secret: string) {
  return oidc.discovery(new URL(baseURL), client.client_id, secret, oidc.ClientSecretBasic(secret), insecure);
}

/** A DPoP proof made by hand (RFC 9449 §4.2), so a test can get one part of it wrong. */
async function proof(keys: CryptoKeyPair, claims: { htm: string; htu: string; accessToken?: string; jti?: string }) {
  return new SignJWT({
    htm: claims.htm,
    htu: claims.htu,
    jti: claims.jti ?? randomUUID(),
    ...(claims.accessToken ? { ath: createHash('sha256').update(claims.accessToken).digest('base64url') } : {}),
  })
    .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk: await exportJWK(keys.publicKey) })
    .setIssuedAt()
    .sign(keys.privateKey);
}

async function userinfo(accessToken: string, headers: Record<string, string>) {
  const response = await fetch(`${baseURL}/oauth/userinfo`, { headers: { Authorization: `DPoP ${accessToken}`, ...headers } });
  return { status: response.status, challenge: response.headers.get('www-authenticate') ?? '' };
}

test.describe('DPoP required for a client (RFC 9449)', () => {
  test('its tokens are bound to the key: userinfo refuses them without a proof, with a wrong htu, htm or ath, or a proof used before', async () => {
    const user = createUser();
    const { client, secret } = registerWebApp('Ledger', { dpop_bound_access_tokens: true, id_token_lifetime: 900, refresh_token_idle_lifetime: 7200 });
    const config = await discover(client, secret);
    const keys = await generateKeyPair('ES256', { extractable: true });
    const DPoP = oidc.getDPoPHandle(config, keys);

    const grant = await authorize(baseURL, user, { clientId: client.client_id, redirectUri: REDIRECT });
    // Without a proof the code is not exchanged at all: the client must bind its tokens.
    const unbound = await fetch(`${baseURL}/oauth/token`, {
      method: 'POST',
      headers: { Authorization: basicAuth(client.client_id, secret) },
      body: new URLSearchParams({ grant_type: 'authorization_code', code: grant.code, redirect_uri: REDIRECT, code_verifier: grant.verifier }),
    });
    expect(unbound.status).toBe(400);

    const again = await authorize(baseURL, user, { clientId: client.client_id, redirectUri: REDIRECT });
    const tokens = await oidc.authorizationCodeGrant(config, again.callback, { pkceCodeVerifier: again.verifier, expectedState: again.state }, undefined, { DPoP });
    expect(tokens.token_type.toLowerCase()).toBe('dpop');
    const claims = tokens.claims()!;
    // The client's own ID token lifetime.
    expect(claims.exp - claims.iat).toBe(900);

    // With its proof, the token works (openid-client makes the proof).
    const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub, { DPoP });
    expect(info.sub).toBe(user.id);

    // Without one, as a bearer token or a DPoP token, it does not.
    const asBearer = await fetch(`${baseURL}/oauth/userinfo`, { headers: { Authorization: `Bearer ${tokens.access_token}` } });
    expect(asBearer.status).toBe(401);
    const withoutProof = await userinfo(tokens.access_token, {});
    expect(withoutProof.status).toBe(400);
    expect(withoutProof.challenge).toContain('error="invalid_request"');

    const at = tokens.access_token;
    const htu = `${baseURL}/oauth/userinfo`;
    for (const wrong of [
      { htm: 'GET', htu: `${baseURL}/oauth/token`, accessToken: at },
      { htm: 'POST', htu, accessToken: at },
      { htm: 'GET', htu, accessToken: 'another-token' },
    ]) {
      const refused = await userinfo(at, { DPoP: await proof(keys, wrong) });
      expect(refused.status).toBe(401);
      expect(refused.challenge).toContain('error="invalid_dpop_proof"');
    }
    const once = await proof(keys, { htm: 'GET', htu, accessToken: at });
    expect((await userinfo(at, { DPoP: once })).status).toBe(200);
    const replayed = await userinfo(at, { DPoP: once });
    expect(replayed.status).toBe(401);
    expect(replayed.challenge).toContain('error="invalid_dpop_proof"');

    // The refresh token lives the client's idle lifetime.
    const described = await oidc.tokenIntrospection(config, tokens.refresh_token!);
    expect(described.active).toBe(true);
    expect(described.exp! - described.iat!).toBe(7200);
  });

  test('a client that does not require DPoP may still bind its tokens, or use plain bearer tokens', async () => {
    const user = createUser();
    const { client, secret } = registerWebApp('Notes');
    const config = await discover(client, secret);
    const keys = await generateKeyPair('ES256', { extractable: true });

    const first = await authorize(baseURL, user, { clientId: client.client_id, redirectUri: REDIRECT });
    const bound = await oidc.authorizationCodeGrant(config, first.callback, { pkceCodeVerifier: first.verifier, expectedState: first.state }, undefined, {
      DPoP: oidc.getDPoPHandle(config, keys),
    });
    expect(bound.token_type.toLowerCase()).toBe('dpop');
    // Bound all the same: as a bearer token it is refused.
    expect((await fetch(`${baseURL}/oauth/userinfo`, { headers: { Authorization: `Bearer ${bound.access_token}` } })).status).toBe(401);

    const second = await authorize(baseURL, user, { clientId: client.client_id, redirectUri: REDIRECT });
    const plain = await oidc.authorizationCodeGrant(config, second.callback, { pkceCodeVerifier: second.verifier, expectedState: second.state });
    expect(plain.token_type.toLowerCase()).toBe('bearer');
    expect((await oidc.fetchUserInfo(config, plain.access_token, plain.claims()!.sub)).sub).toBe(user.id);
  });
});

test.describe('DPoP at the token endpoint', () => {
  test('a proof is used once: the same proof again, or one for another method, is invalid_dpop_proof', async () => {
    const keys = await generateKeyPair('ES256', { extractable: true });
    const tokenRequest = (dpop: string) =>
      fetch(`${baseURL}/oauth/token`, {
        method: 'POST',
        headers: { Authorization: basicAuth(syncClient.id, syncClient.secret), DPoP: dpop },
        body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'directory:read' }),
      });
    const htu = `${baseURL}/oauth/token`;
    const once = await proof(keys, { htm: 'POST', htu });
    const first = await tokenRequest(once);
    expect(first.status).toBe(200);
    expect((await first.json()).token_type).toBe('DPoP');
    const replayed = await tokenRequest(once);
    expect(replayed.status).toBe(400);
    expect((await replayed.json()).error).toBe('invalid_dpop_proof');
    const wrongMethod = await tokenRequest(await proof(keys, { htm: 'GET', htu }));
    expect((await wrongMethod.json()).error).toBe('invalid_dpop_proof');
  });
});

test.describe('Pushed authorization requests (RFC 9126)', () => {
  test('a client that requires PAR: a plain authorization request is refused, a pushed one signs the user in', async () => {
    const user = createUser();
    const { client, secret } = registerWebApp('Payroll', { require_pushed_authorization_requests: true });
    const config = await discover(client, secret);

    const plain = oidc.buildAuthorizationUrl(config, {
      redirect_uri: REDIRECT,
      scope: 'openid',
      code_challenge: await oidc.calculatePKCECodeChallenge(oidc.randomPKCECodeVerifier()),
      code_challenge_method: 'S256',
    });
    const refused = await fetch(plain, { redirect: 'manual' });
    const to = new URL(refused.headers.get('location')!, baseURL);
    expect(to.origin + to.pathname).toBe(REDIRECT);
    expect(to.searchParams.get('error')).toBe('invalid_request');

    const verifier = oidc.randomPKCECodeVerifier();
    const pushed = await oidc.buildAuthorizationUrlWithPAR(config, {
      redirect_uri: REDIRECT,
      scope: 'openid profile',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: 'pushed-state',
    });
    const requestUri = pushed.searchParams.get('request_uri')!;
    expect(requestUri).toMatch(/^urn:ietf:params:oauth:request_uri:/);
    const grant = await authorize(baseURL, user, { clientId: client.client_id, redirectUri: REDIRECT }, { params: { request_uri: requestUri } });
    const tokens = await oidc.authorizationCodeGrant(config, grant.callback, { pkceCodeVerifier: verifier, expectedState: 'pushed-state' });
    expect(tokens.claims()!.sub).toBe(user.id);
  });

  test('every client may push its requests, required or not', async () => {
    const user = createUser();
    const { client, secret } = registerWebApp('Wiki');
    const config = await discover(client, secret);
    const verifier = oidc.randomPKCECodeVerifier();
    const pushed = await oidc.buildAuthorizationUrlWithPAR(config, {
      redirect_uri: REDIRECT,
      scope: 'openid',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state: 'wiki',
    });
    const grant = await authorize(baseURL, user, { clientId: client.client_id, redirectUri: REDIRECT }, { params: { request_uri: pushed.searchParams.get('request_uri')! } });
    const tokens = await oidc.authorizationCodeGrant(config, grant.callback, { pkceCodeVerifier: verifier, expectedState: 'wiki' });
    expect(tokens.claims()!.sub).toBe(user.id);
  });
});

test.describe('Refresh-token rotation', () => {
  async function signedIn(settings: Record<string, unknown>) {
    const user = createUser();
    const { client, secret } = registerWebApp(`Rotation ${randomUUID().slice(0, 6)}`, settings);
    const config = await discover(client, secret);
    const grant = await authorize(baseURL, user, { clientId: client.client_id, redirectUri: REDIRECT });
    const tokens = await oidc.authorizationCodeGrant(config, grant.callback, { pkceCodeVerifier: grant.verifier, expectedState: grant.state });
    return { config, refreshToken: tokens.refresh_token! };
  }

  test('on (the default): each use gives a new refresh token, and the old one used again ends the grant', async () => {
    const { config, refreshToken } = await signedIn({});
    const next = await oidc.refreshTokenGrant(config, refreshToken);
    expect(next.refresh_token).toBeDefined();
    expect(next.refresh_token).not.toBe(refreshToken);
    await expect(oidc.refreshTokenGrant(config, refreshToken)).rejects.toMatchObject({ error: 'invalid_grant' });
    // A reuse is taken for theft (RFC 9700 §4.14.2): the successor is revoked with the grant.
    await expect(oidc.refreshTokenGrant(config, next.refresh_token!)).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  test('with a reuse grace: a client that lost the answer may use the old token again within the grace', async () => {
    const { config, refreshToken } = await signedIn({ refresh_token_reuse_grace: 30 });
    const lost = await oidc.refreshTokenGrant(config, refreshToken);
    const retried = await oidc.refreshTokenGrant(config, refreshToken);
    expect(retried.access_token).toBeDefined();
    expect((await oidc.refreshTokenGrant(config, retried.refresh_token!)).access_token).toBeDefined();
    expect(lost.refresh_token).toBeDefined();
  });

  test('off: the same refresh token keeps working', async () => {
    const { config, refreshToken } = await signedIn({ refresh_token_rotation: false });
    const first = await oidc.refreshTokenGrant(config, refreshToken);
    expect(first.refresh_token ?? refreshToken).toBe(refreshToken);
    expect((await oidc.refreshTokenGrant(config, refreshToken)).access_token).toBeDefined();
  });
});
