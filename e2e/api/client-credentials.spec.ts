import { expect, test } from '@playwright/test';
import * as oidc from 'openid-client';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { adminClient, baseURL, basicAuth, syncClient } from '../support/test-env';
import { requestToken } from '../support/token-request';

test.describe('Client credentials grant', () => {
  test('a default client gets a signed JWT access token that verifies against the published JWKS', async () => {
    // A real relying-party library, configured from discovery like any integration.
    // The default clients are registered for client_secret_basic; openid-client's own default is the form body.
    const config = await oidc.discovery(new URL(baseURL), syncClient.id, syncClient.secret, oidc.ClientSecretBasic(syncClient.secret), {
      execute: [oidc.allowInsecureRequests],
    });
    const tokens = await oidc.clientCredentialsGrant(config, { scope: 'directory:read' });
    expect(tokens.token_type.toLowerCase()).toBe('bearer');
    expect(tokens.scope).toBe('directory:read');

    const jwks = createRemoteJWKSet(new URL(`${baseURL}/oauth/jwks`));
    const { payload, protectedHeader } = await jwtVerify(tokens.access_token, jwks, {
      issuer: baseURL,
      audience: `${baseURL}/api`,
      typ: 'at+jwt', // RFC 9068 §2.1
    });
    expect(protectedHeader.alg).toBe('ES256');
    expect(payload.client_id).toBe(syncClient.id);
    expect(payload.sub).toBe(syncClient.id);
  });

  test('the Admin Client gets an opaque token that introspection reports as active (RFC 7662)', async ({ request }) => {
    const config = await oidc.discovery(new URL(baseURL), adminClient.id, adminClient.secret, oidc.ClientSecretBasic(adminClient.secret), {
      execute: [oidc.allowInsecureRequests],
    });
    const tokens = await oidc.clientCredentialsGrant(config, { scope: 'clients:read clients:write' });
    expect(tokens.access_token.split('.')).toHaveLength(1);
    const introspection = await oidc.tokenIntrospection(config, tokens.access_token);
    expect(introspection).toMatchObject({ active: true, client_id: adminClient.id, scope: 'clients:read clients:write', aud: `${baseURL}/api` });

    const revoked = await request.post('/oauth/revoke', {
      headers: { Authorization: basicAuth(adminClient.id, adminClient.secret) },
      form: { token: tokens.access_token },
    });
    expect(revoked.status()).toBe(200);
    expect((await oidc.tokenIntrospection(config, tokens.access_token)).active).toBe(false);
  });

  test('the Sync Service Client gets the directory scopes and nothing more', async ({ request }) => {
    const granted = await requestToken(request, syncClient, { grant_type: 'client_credentials', scope: 'directory:read directory:write' });
    expect(granted.status()).toBe(200);
    expect((await granted.json()).scope).toBe('directory:read directory:write');

    const widened = await requestToken(request, syncClient, { grant_type: 'client_credentials', scope: 'clients:write' });
    expect(widened.status()).toBe(400);
    expect((await widened.json()).error).toBe('invalid_scope');
  });

  test('token responses must not be cached (RFC 6749 §5.1)', async ({ request }) => {
    const response = await requestToken(request, adminClient, { grant_type: 'client_credentials' });
    expect(response.status()).toBe(200);
    expect(response.headers()['cache-control']).toContain('no-store');
  });

  test('a wrong secret is refused with 401 invalid_client', async ({ request }) => {
    const wrong = await requestToken(request, { id: adminClient.id, secret: 'thcs_not-the-secret' }, { grant_type: 'client_credentials' });
    expect(wrong.status()).toBe(401);
    expect((await wrong.json()).error).toBe('invalid_client');
  });
});
