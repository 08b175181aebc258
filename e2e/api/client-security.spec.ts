import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import * as oidc from 'openid-client';
import { createRemoteJWKSet, exportJWK, generateKeyPair, jwtVerify, SignJWT } from 'jose';
import { adminToken, bearer } from '../support/admin-api';
import { createClient } from '../support/cli';
import { baseURL } from '../support/test-env';

/**
 * A client's security settings, seen from the outside: a service that signs its own
 * client assertions (private_key_jwt, RFC 7523), per-client token lifetimes, CORS origins
 * for browser apps, and what discovery advertises. The relying party is openid-client.
 */

const insecure = { execute: [oidc.allowInsecureRequests] };

async function signingKey(kid: string) {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  return { privateKey, jwk: { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' } };
}

test.describe('private_key_jwt (RFC 7523)', () => {
  test('a service registered with its public key gets a client credentials token by signing an assertion, living as long as its settings say', async () => {
    const key = await signingKey('billing-2026');
    // The CLI takes the same JSON as the admin API; no secret comes back, there is none.
    const client = createClient({
      name: 'Billing Worker',
      grant_types: ['client_credentials'],
      scopes: ['directory:read'],
      token_endpoint_auth_method: 'private_key_jwt',
      jwks: { keys: [key.jwk] },
      access_token_lifetime: 600,
    });
    expect(client.client_secret).toBeUndefined();
    expect(client).toMatchObject({ token_endpoint_auth_method: 'private_key_jwt', access_token_lifetime: 600, jwks: { keys: [{ kid: 'billing-2026' }] } });

    const config = await oidc.discovery(new URL(baseURL), client.client_id, undefined, oidc.PrivateKeyJwt({ key: key.privateKey, kid: 'billing-2026' }), insecure);
    const tokens = await oidc.clientCredentialsGrant(config, { scope: 'directory:read' });
    expect(tokens.expires_in).toBe(600);
    const { payload } = await jwtVerify(tokens.access_token, createRemoteJWKSet(new URL(`${baseURL}/oauth/jwks`)), { issuer: baseURL });
    expect(payload.client_id).toBe(client.client_id);
    expect(payload.exp! - payload.iat!).toBe(600);
  });

  test('a service whose keys are published at an allowed jwks_uri gets a token: the provider fetches them', async () => {
    const key = await signingKey('published-1');
    const keyServer = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'application/jwk-set+json' });
      response.end(JSON.stringify({ keys: [key.jwk] }));
    });
    await new Promise<void>((resolve) => keyServer.listen(0, '127.0.0.1', resolve));
    try {
      const jwksUri = `http://127.0.0.1:${(keyServer.address() as AddressInfo).port}/jwks.json`;
      const client = createClient({
        name: 'Published Keys Worker',
        grant_types: ['client_credentials'],
        scopes: ['directory:read'],
        token_endpoint_auth_method: 'private_key_jwt',
        jwks_uri: jwksUri,
      });
      expect(client).toMatchObject({ jwks_uri: jwksUri, jwks: null });
      const config = await oidc.discovery(new URL(baseURL), client.client_id, undefined, oidc.PrivateKeyJwt({ key: key.privateKey, kid: 'published-1' }), insecure);
      const tokens = await oidc.clientCredentialsGrant(config, { scope: 'directory:read' });
      expect(tokens.access_token).toBeTruthy();
    } finally {
      keyServer.close();
    }
  });

  test('an assertion is accepted once: the same jti again is refused until it expires', async () => {
    const key = await signingKey('once');
    const client = createClient({
      name: 'Replay Target',
      grant_types: ['client_credentials'],
      scopes: ['directory:read'],
      token_endpoint_auth_method: 'private_key_jwt',
      jwks: { keys: [key.jwk] },
    });
    const assertion = await new SignJWT({ jti: randomUUID() })
      .setProtectedHeader({ alg: 'ES256', kid: 'once' })
      .setIssuer(client.client_id)
      .setSubject(client.client_id)
      .setAudience(`${baseURL}/oauth/token`)
      .setIssuedAt()
      .setExpirationTime('2m')
      .sign(key.privateKey);
    const send = () =>
      fetch(`${baseURL}/oauth/token`, {
        method: 'POST',
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: client.client_id,
          client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
          client_assertion: assertion,
        }),
      });
    expect((await send()).status).toBe(200);
    const replayed = await send();
    expect(replayed.status).toBe(401);
    expect(await replayed.json()).toMatchObject({ error: 'invalid_client' });
  });

  test('an assertion signed with another key, or a secret sent instead, is refused', async () => {
    const registered = await signingKey('registered');
    const other = await signingKey('registered');
    const client = createClient({
      name: 'Key Holder',
      grant_types: ['client_credentials'],
      scopes: ['directory:read'],
      token_endpoint_auth_method: 'private_key_jwt',
      jwks: { keys: [registered.jwk] },
    });
    const forged = await oidc.discovery(new URL(baseURL), client.client_id, undefined, oidc.PrivateKeyJwt({ key: other.privateKey, kid: 'registered' }), insecure);
    await expect(oidc.clientCredentialsGrant(forged, { scope: 'directory:read' })).rejects.toMatchObject({ error: 'invalid_client' });
    const withSecret = await oidc.discovery(new URL(baseURL), client.client_id, 'guess', oidc.ClientSecretBasic('guess'), insecure);
    await expect(oidc.clientCredentialsGrant(withSecret, { scope: 'directory:read' })).rejects.toMatchObject({ status: 401 });
  });
});

test.describe('Per-client CORS origins', () => {
  test('a preflight is answered only for an allowed origin, and a request from another origin is refused', async () => {
    const key = await signingKey('spa');
    const client = createClient({
      name: 'Dashboard Backend',
      grant_types: ['client_credentials'],
      scopes: ['directory:read'],
      token_endpoint_auth_method: 'private_key_jwt',
      jwks: { keys: [key.jwk] },
      allowed_cors_origins: ['https://dashboard.example.test'],
    });
    const preflight = (origin: string) =>
      fetch(`${baseURL}/oauth/token`, {
        method: 'OPTIONS',
        headers: { Origin: origin, 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
      });
    const allowed = await preflight('https://dashboard.example.test');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://dashboard.example.test');
    const other = await preflight('https://evil.example.test');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    expect(other.status).toBe(403);

    const assertion = async () =>
      new SignJWT({ jti: randomUUID() })
        .setProtectedHeader({ alg: 'ES256', kid: 'spa' })
        .setIssuer(client.client_id)
        .setSubject(client.client_id)
        .setAudience(`${baseURL}/oauth/token`)
        .setIssuedAt()
        .setExpirationTime('1m')
        .sign(key.privateKey);
    const tokenFrom = async (origin: string) =>
      fetch(`${baseURL}/oauth/token`, {
        method: 'POST',
        headers: { Origin: origin },
        body: new URLSearchParams({
          grant_type: 'client_credentials',
          client_id: client.client_id,
          client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
          client_assertion: await assertion(),
        }),
      });
    const fromAllowed = await tokenFrom('https://dashboard.example.test');
    expect(fromAllowed.status).toBe(200);
    expect(fromAllowed.headers.get('access-control-allow-origin')).toBe('https://dashboard.example.test');
    const fromOther = await tokenFrom('https://evil.example.test');
    expect(fromOther.status).toBe(400);
    expect(fromOther.headers.get('access-control-allow-origin')).toBeNull();
  });
});

test.describe('Discovery', () => {
  test('advertises PAR, DPoP and private_key_jwt, each as enabled, and nothing that is not', async ({ request }) => {
    const metadata = await (await request.get('/.well-known/openid-configuration')).json();
    expect(metadata.pushed_authorization_request_endpoint).toBe(`${baseURL}/oauth/par`);
    expect(metadata.require_pushed_authorization_requests).toBe(false);
    expect(metadata.dpop_signing_alg_values_supported).toEqual(['ES256', 'EdDSA', 'RS256', 'PS256']);
    expect(metadata.token_endpoint_auth_methods_supported).toEqual(['client_secret_basic', 'client_secret_post', 'private_key_jwt', 'none']);
    expect(metadata.token_endpoint_auth_signing_alg_values_supported).toEqual(['ES256', 'RS256']);
    // Not offered: keys fetched from URLs, mutual TLS, symmetric assertions.
    expect(metadata.token_endpoint_auth_methods_supported).not.toContain('client_secret_jwt');
    expect(metadata.tls_client_certificate_bound_access_tokens).toBeUndefined();
    expect(metadata.mtls_endpoint_aliases).toBeUndefined();
  });
});

test.describe('Security settings through the admin API', () => {
  const base = { name: 'Settings Probe', grant_types: ['client_credentials'], scopes: ['directory:read'] };

  test('are read back and changed like any other field', async ({ request }) => {
    const auth = bearer(await adminToken(request));
    const created = await request.post('/api/clients', { headers: auth, data: { ...base, dpop_bound_access_tokens: true, refresh_token_rotation: false } });
    expect(created.status()).toBe(201);
    const client = await created.json();
    expect(client).toMatchObject({
      require_pushed_authorization_requests: false,
      dpop_bound_access_tokens: true,
      refresh_token_rotation: false,
      refresh_token_reuse_grace: 0,
      access_token_lifetime: null,
      id_token_lifetime: null,
      refresh_token_idle_lifetime: null,
      refresh_token_absolute_lifetime: null,
      allowed_cors_origins: [],
      jwks: null,
    });
    const changed = await request.patch(`/api/clients/${client.client_id}`, {
      headers: auth,
      data: { access_token_lifetime: 900, allowed_cors_origins: ['https://app.example.test'] },
    });
    expect(changed.status()).toBe(200);
    expect(await changed.json()).toMatchObject({ access_token_lifetime: 900, allowed_cors_origins: ['https://app.example.test'], dpop_bound_access_tokens: true });
  });

  for (const [what, body, path] of [
    ['a private key in jwks', async () => ({ token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [await privateJwk()] } }), 'jwks.keys[0].d'],
    ['a JWKS that is not one', async () => ({ token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: 'none' } }), 'jwks.keys'],
    ['private_key_jwt without keys', async () => ({ token_endpoint_auth_method: 'private_key_jwt' }), 'jwks'],
    ['a jwks_uri over http off loopback', async () => ({ token_endpoint_auth_method: 'private_key_jwt', jwks_uri: 'http://169.254.169.254/keys' }), 'jwks_uri'],
    [
      'a jwks_uri on a host the operator did not allow (SSRF)',
      async () => ({ token_endpoint_auth_method: 'private_key_jwt', jwks_uri: 'https://keys.example.test/jwks' }),
      'jwks_uri',
    ],
    [
      'both jwks and jwks_uri',
      async () => ({ token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [(await signingKey('both')).jwk] }, jwks_uri: 'http://127.0.0.1:9/jwks' }),
      'jwks_uri',
    ],
    ['an access token lifetime under a minute', async () => ({ access_token_lifetime: 5 }), 'access_token_lifetime'],
    ['a refresh token lifetime over a year', async () => ({ refresh_token_absolute_lifetime: 400 * 86_400 }), 'refresh_token_absolute_lifetime'],
    ['a CORS origin with a path', async () => ({ allowed_cors_origins: ['https://app.example.test/'] }), 'allowed_cors_origins[0]'],
    ['a CORS wildcard', async () => ({ allowed_cors_origins: ['*'] }), 'allowed_cors_origins[0]'],
  ] as const) {
    test(`refuse ${what}: 400 naming the field, nothing stored`, async ({ request }) => {
      const auth = bearer(await adminToken(request));
      const name = `Refused ${randomUUID().slice(0, 8)}`;
      const response = await request.post('/api/clients', { headers: auth, data: { ...base, name, ...(await body()) } });
      expect(response.status()).toBe(400);
      const error = await response.json();
      expect(error.error).toBe('invalid_request');
      expect(error.fields.map((f: { path: string }) => f.path)).toContain(path);
      const listed = await (await request.get(`/api/clients?q=${encodeURIComponent(name)}`, { headers: auth })).json();
      expect(listed.data).toHaveLength(0);
    });
  }
});

async function privateJwk() {
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  return { ...(await exportJWK(privateKey)), kid: 'leaked' };
}
