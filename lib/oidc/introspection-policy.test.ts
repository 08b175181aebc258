import { describe, expect, it } from 'vitest';
import type { Client } from 'oidc-provider';
import { isTokenAudience, mayIntrospect, type IntrospectableToken } from './introspection-policy';

// The provider's Client and token models reduced to the fields the policy reads.
const client = (clientId: string, clientAuthMethod = 'client_secret_basic') => ({ clientId, clientAuthMethod }) as unknown as Client;
const token = (kind: IntrospectableToken['kind'], clientId: string, aud?: string | string[]) => ({ kind, clientId, aud }) as unknown as IntrospectableToken;

describe('mayIntrospect', () => {
  it('describes a token to the client it was issued to', () => {
    for (const kind of ['AccessToken', 'ClientCredentials', 'RefreshToken'] as const) expect(mayIntrospect(client('a'), token(kind, 'a'))).toBe(true);
  });

  it('describes nothing to another client', () => {
    for (const kind of ['AccessToken', 'ClientCredentials', 'RefreshToken'] as const) expect(mayIntrospect(client('b'), token(kind, 'a', 'https://api.example.test'))).toBe(false);
  });

  it('describes an access token to a resource server named in its audience, a refresh token never', () => {
    expect(mayIntrospect(client('api'), token('AccessToken', 'a', ['other', 'api']))).toBe(true);
    expect(mayIntrospect(client('api'), token('ClientCredentials', 'a', 'api'))).toBe(true);
    expect(mayIntrospect(client('api'), token('RefreshToken', 'a', 'api'))).toBe(false);
  });

  it('describes nothing to a public client, not even its own tokens', () => {
    expect(mayIntrospect(client('a', 'none'), token('AccessToken', 'a'))).toBe(false);
  });
});

describe('isTokenAudience', () => {
  it('reads a single audience and a list, and a token without one names nobody', () => {
    expect(isTokenAudience(client('api'), token('AccessToken', 'a', 'api') as never)).toBe(true);
    expect(isTokenAudience(client('api'), token('AccessToken', 'a', ['x', 'api']) as never)).toBe(true);
    expect(isTokenAudience(client('api'), token('AccessToken', 'a') as never)).toBe(false);
  });

  it("names an API's resource server: a client whose default API is the token's audience", () => {
    const server = { clientId: 'billing-api', clientAuthMethod: 'client_secret_basic', thalamus_default_resource: 'https://billing.example.test' } as unknown as Client;
    expect(isTokenAudience(server, token('AccessToken', 'a', 'https://billing.example.test') as never)).toBe(true);
    expect(isTokenAudience(server, token('ClientCredentials', 'a', 'https://payroll.example.test') as never)).toBe(false);
    expect(isTokenAudience(client('other'), token('AccessToken', 'a', 'https://billing.example.test') as never)).toBe(false);
  });
});
