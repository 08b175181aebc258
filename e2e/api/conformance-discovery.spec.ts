import { expect, test, type APIRequestContext } from '@playwright/test';
import { baseURL } from '../support/test-env';

// Conformance: discovery (OpenID Connect Discovery 1.0 §3–§4, RFC 8414 §2–§3), checked
// for both metadata documents a client may start from.

const documents = ['/.well-known/openid-configuration', '/.well-known/oauth-authorization-server'];

async function metadata(request: APIRequestContext, path: string): Promise<Record<string, unknown>> {
  const response = await request.get(path);
  expect(response.status(), path).toBe(200);
  expect(response.headers()['content-type'], path).toContain('application/json');
  return (await response.json()) as Record<string, unknown>;
}

/** Every metadata member that names a place on this server (`*_endpoint`, `jwks_uri`). */
function endpoints(config: Record<string, unknown>): [string, string][] {
  return Object.entries(config).filter((entry): entry is [string, string] => /_endpoint$|^jwks_uri$/.test(entry[0]) && typeof entry[1] === 'string');
}

test.describe('Conformance: discovery', () => {
  for (const path of documents) {
    test(`${path}: the issuer is exactly the base URL, without a trailing slash`, async ({ request }) => {
      const config = await metadata(request, path);
      // OIDC Discovery §4.3 and RFC 8414 §3.3: the issuer must be identical to the one the client used.
      expect(config.issuer).toBe(baseURL);
      expect(String(config.issuer)).not.toMatch(/\/$/);
      expect(new URL(String(config.issuer)).search).toBe('');
    });

    test(`${path}: every endpoint is an absolute URL under the issuer`, async ({ request }) => {
      const config = await metadata(request, path);
      const named = endpoints(config);
      expect(named.map(([name]) => name)).toEqual(expect.arrayContaining(['authorization_endpoint', 'token_endpoint', 'jwks_uri', 'userinfo_endpoint']));
      for (const [name, value] of named) {
        expect(value.startsWith(`${baseURL}/`), `${name}: ${value}`).toBe(true);
        expect(new URL(value).hash, name).toBe('');
      }
    });

    test(`${path}: the JWKS it names has signing keys with distinct key IDs`, async ({ request }) => {
      const config = await metadata(request, path);
      const response = await request.get(String(config.jwks_uri));
      expect(response.status()).toBe(200);
      const { keys } = (await response.json()) as { keys: { kid?: string; use?: string; alg?: string; kty: string }[] };
      expect(keys.length).toBeGreaterThan(0);
      for (const key of keys) {
        expect(key.kid, JSON.stringify(key)).toBeTruthy();
        expect(key.use ?? 'sig').toBe('sig');
      }
      // With several keys a verifier picks by kid (RFC 7517 §4.5): duplicates would be ambiguous.
      expect(new Set(keys.map((k) => k.kid)).size).toBe(keys.length);
      // Each key says which algorithm it is for, and that algorithm is one the server announces.
      const algorithms = config.id_token_signing_alg_values_supported as string[];
      for (const key of keys) expect(algorithms, key.kid).toContain(key.alg);
    });
  }

  test('the metadata announces the iss authorization response parameter (RFC 9207 §3)', async ({ request }) => {
    for (const path of documents) {
      const config = await metadata(request, path);
      expect(config.authorization_response_iss_parameter_supported, path).toBe(true);
    }
  });

  test('an unknown path under /.well-known is a 404, not a server error', async ({ request }) => {
    const response = await request.get('/.well-known/openid-configuration/extra');
    expect(response.status()).toBe(404);
  });
});
