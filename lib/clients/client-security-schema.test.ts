import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { clientCreateSchema } from './client-schema';
import { fieldProblems } from '@/lib/errors/service-error';

const service = { name: 'Billing Worker', grant_types: ['client_credentials'], scopes: ['openid'] };
const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const publicJwk = { ...publicKey.export({ format: 'jwk' }), kid: 'billing-1', use: 'sig', alg: 'ES256' };
const privateJwk = { ...privateKey.export({ format: 'jwk' }), kid: 'billing-1' };

function problems(input: unknown) {
  const result = clientCreateSchema.safeParse(input);
  return result.success ? [] : fieldProblems(result.error);
}

describe('client security settings', () => {
  it('default to the server-wide behaviour: nothing required, rotation on, server lifetimes, no CORS origins', () => {
    expect(clientCreateSchema.parse(service)).toMatchObject({
      require_pushed_authorization_requests: false,
      dpop_bound_access_tokens: false,
      refresh_token_rotation: true,
      refresh_token_reuse_grace: 0,
      allowed_cors_origins: [],
    });
  });

  it('accept a private_key_jwt client with its public keys inline', () => {
    const client = clientCreateSchema.parse({ ...service, token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [publicJwk] } });
    expect(client.jwks?.keys[0]).toMatchObject({ kty: 'EC', kid: 'billing-1' });
  });

  it('refuse private_key_jwt without keys, keys without private_key_jwt, both jwks and jwks_uri, and a jwks_uri that is not https', () => {
    expect(problems({ ...service, token_endpoint_auth_method: 'private_key_jwt' })).toEqual([
      { path: 'jwks', message: 'private_key_jwt needs the public keys the client signs with (jwks, or jwks_uri)' },
    ]);
    expect(problems({ ...service, jwks: { keys: [publicJwk] } })[0]?.path).toBe('jwks');
    expect(problems({ ...service, jwks_uri: 'https://keys.example.com/jwks' })[0]?.path).toBe('jwks_uri');
    const keyAuth = { ...service, token_endpoint_auth_method: 'private_key_jwt' };
    expect(problems({ ...keyAuth, jwks: { keys: [publicJwk] }, jwks_uri: 'https://keys.example.com/jwks' })[0]?.path).toBe('jwks_uri');
    expect(problems({ ...keyAuth, jwks_uri: 'http://169.254.169.254/keys' })).toEqual([{ path: 'jwks_uri', message: 'Use https (http only on a loopback address)' }]);
    expect(problems({ ...keyAuth, jwks_uri: 'https://keys.example.com/jwks#k' })[0]?.message).toBe('Use a URL without a fragment (#…)');
    // The host is the server's decision (jwks-uri-policy.ts), not the schema's.
    expect(problems({ ...keyAuth, jwks_uri: 'https://keys.example.com/jwks' })).toEqual([]);
  });

  it('refuse a private key in jwks, naming the private member, and keys that are not keys', () => {
    expect(problems({ ...service, token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [privateJwk] } })).toEqual([
      { path: 'jwks.keys[0].d', message: 'This is a private key (it has "d"): register the public key only' },
    ]);
    expect(problems({ ...service, token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [{ kty: 'oct', k: 'c2VjcmV0' }] } })[0]?.path).toBe('jwks.keys[0].kty');
    expect(problems({ ...service, token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [{ ...publicJwk, x: 'AAAA' }] } })).toEqual([
      { path: 'jwks.keys[0].x', message: 'Use the P-256 public key\'s "x" (base64url)' },
    ]);
    expect(problems({ ...service, token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [{ kty: 'RSA', n: 'AQAB', e: 'AQAB' }] } })[0]?.path).toBe('jwks.keys[0].n');
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' });
    expect(problems({ ...service, token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [rsa, publicJwk] } })).toEqual([]);
    expect(problems({ ...service, token_endpoint_auth_method: 'private_key_jwt', jwks: { keys: [] } })[0]?.path).toBe('jwks.keys');
  });

  it('refuse lifetimes out of range, naming the field', () => {
    expect(problems({ ...service, access_token_lifetime: 30 })).toEqual([{ path: 'access_token_lifetime', message: 'Use at least 60 seconds' }]);
    expect(problems({ ...service, id_token_lifetime: 90_000 })).toEqual([{ path: 'id_token_lifetime', message: 'Use at most 86400 seconds (a day)' }]);
    expect(problems({ ...service, refresh_token_idle_lifetime: 1.5 })[0]?.path).toBe('refresh_token_idle_lifetime');
    expect(problems({ ...service, refresh_token_idle_lifetime: 7200, refresh_token_absolute_lifetime: 3600 })).toEqual([
      { path: 'refresh_token_idle_lifetime', message: 'Use at most the absolute lifetime' },
    ]);
    expect(problems({ ...service, refresh_token_reuse_grace: 61 })[0]?.path).toBe('refresh_token_reuse_grace');
    expect(problems({ ...service, refresh_token_rotation: false, refresh_token_reuse_grace: 5 })[0]?.path).toBe('refresh_token_reuse_grace');
  });

  it('accept CORS origins only as origins', () => {
    expect(clientCreateSchema.parse({ ...service, allowed_cors_origins: ['https://app.example.com', 'http://localhost:5173'] }).allowed_cors_origins).toHaveLength(2);
    expect(problems({ ...service, allowed_cors_origins: ['https://app.example.com/callback'] })).toEqual([
      { path: 'allowed_cors_origins[0]', message: 'Use the origin alone, without a path, query or trailing slash: https://app.example.com' },
    ]);
    expect(problems({ ...service, allowed_cors_origins: ['http://app.example.com'] })[0]?.message).toBe('Use https (http only for localhost)');
    expect(problems({ ...service, allowed_cors_origins: ['*'] })[0]?.path).toBe('allowed_cors_origins[0]');
    expect(problems({ ...service, allowed_cors_origins: ['https://a.example', 'https://a.example'] })[0]?.path).toBe('allowed_cors_origins[1]');
  });
});
