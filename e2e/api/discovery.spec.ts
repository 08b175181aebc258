import { expect, test } from '@playwright/test';
import { baseURL } from '../support/test-env';

test.describe('Discovery', () => {
  test('the OpenID configuration names this server as issuer and every endpoint under it', async ({ request }) => {
    const response = await request.get('/.well-known/openid-configuration');
    expect(response.status()).toBe(200);
    const config = await response.json();
    expect(config.issuer).toBe(baseURL);
    expect(config).toMatchObject({
      authorization_endpoint: `${baseURL}/oauth/authorize`,
      token_endpoint: `${baseURL}/oauth/token`,
      userinfo_endpoint: `${baseURL}/oauth/userinfo`,
      jwks_uri: `${baseURL}/oauth/jwks`,
      introspection_endpoint: `${baseURL}/oauth/introspect`,
      revocation_endpoint: `${baseURL}/oauth/revoke`,
      end_session_endpoint: `${baseURL}/oauth/logout`,
    });
  });

  test('only the authorization code flow with S256 PKCE is offered', async ({ request }) => {
    const config = await (await request.get('/.well-known/openid-configuration')).json();
    expect(config.response_types_supported).toEqual(['code']);
    expect(config.code_challenge_methods_supported).toEqual(['S256']);
    expect(config.grant_types_supported).toEqual(expect.arrayContaining(['authorization_code', 'refresh_token', 'client_credentials']));
    expect(config.grant_types_supported).not.toContain('password');
    expect(config.grant_types_supported).not.toContain('implicit');
  });

  test('RFC 8414 authorization server metadata matches the OpenID configuration', async ({ request }) => {
    const oidc = await (await request.get('/.well-known/openid-configuration')).json();
    const response = await request.get('/.well-known/oauth-authorization-server');
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual(oidc);
  });

  test('the JWKS publishes an ES256 and an RS256 public key with distinct key IDs and no private parts', async ({ request }) => {
    const { keys } = await (await request.get('/oauth/jwks')).json();
    expect(keys.map((k: { alg: string }) => k.alg).sort()).toEqual(['ES256', 'RS256']);
    expect(new Set(keys.map((k: { kid: string }) => k.kid)).size).toBe(keys.length);
    for (const key of keys) {
      expect(key).not.toHaveProperty('d');
      expect(key).not.toHaveProperty('p');
    }
  });
});
