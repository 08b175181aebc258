import { describe, expect, it } from 'vitest';
import type { Client, KoaContextWithOIDC } from 'oidc-provider';
import { clientAllowsOrigin, perClientLifetimes } from './client-security';

const server = { AccessToken: 3600, ClientCredentials: 3600, IdToken: 3600, RefreshToken: 14 * 86_400, Grant: 14 * 86_400 };
const ttl = perClientLifetimes(server) as Record<string, (ctx: unknown, token: unknown, client?: unknown) => number>;
const ctx = (client?: object) => ({ oidc: { client } }) as unknown as KoaContextWithOIDC;
const now = () => Math.floor(Date.now() / 1000);

describe('per-client lifetimes', () => {
  it("use the server's lifetimes for a client without its own", () => {
    expect(ttl.AccessToken!(ctx(), {}, {})).toBe(3600);
    expect(ttl.IdToken!(ctx(), {}, {})).toBe(3600);
    expect(ttl.RefreshToken!(ctx(), { iiat: now() }, {})).toBe(14 * 86_400);
  });

  it("give an access token the client's lifetime, or the API's when that is shorter", () => {
    const client = { thalamus_access_token_lifetime: 600 };
    expect(ttl.AccessToken!(ctx(client), {}, client)).toBe(600);
    expect(ttl.ClientCredentials!(ctx(client), { resourceServer: { accessTokenTTL: 300 } }, client)).toBe(300);
    expect(ttl.ClientCredentials!(ctx(client), { resourceServer: { accessTokenTTL: 3600 } }, client)).toBe(600);
  });

  it('end a refresh token at its idle lifetime, and never past the absolute one counted from the first token of the grant', () => {
    const client = { thalamus_refresh_token_idle_lifetime: 7200, thalamus_refresh_token_absolute_lifetime: 86_400 };
    expect(ttl.RefreshToken!(ctx(client), { iiat: now() }, client)).toBe(7200);
    // A rotation 23.5 hours after sign-in: half an hour is left.
    expect(ttl.RefreshToken!(ctx(client), { iiat: now() - 84_600 }, client)).toBe(1800);
    // The grant outlives its refresh tokens.
    const long = { thalamus_refresh_token_absolute_lifetime: 90 * 86_400 };
    expect(ttl.Grant!(ctx(long), {})).toBe(90 * 86_400);
  });
});

describe('per-client CORS', () => {
  it('allows exactly the listed origins, never "null"', () => {
    const client = { thalamus_allowed_cors_origins: ['https://app.example.com'] } as unknown as Client;
    expect(clientAllowsOrigin(ctx(), 'https://app.example.com', client)).toBe(true);
    expect(clientAllowsOrigin(ctx(), 'https://app.example.com.evil.test', client)).toBe(false);
    expect(clientAllowsOrigin(ctx(), 'null', client)).toBe(false);
  });
});
