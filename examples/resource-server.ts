/**
 * Protecting your own API with Thalamus access tokens, with jose. Create the API under
 * Configuration › APIs (or POST /api/resources) and give clients its scopes; Thalamus
 * then issues tokens whose `aud` is the API's identifier. This checks them:
 *
 * - JWT access tokens (RFC 9068) are verified locally against the published keys
 *   (/oauth/jwks): signature, `typ` at+jwt, issuer, audience, expiry, and the scope the
 *   route needs. Revoking a grant does not reach a JWT: it stays valid until it expires.
 * - Opaque tokens are sent to introspection (RFC 7662) with the API's own client
 *   credentials: a confidential client whose default API is this API (the token's
 *   audience) may read them; a revoked token answers `active: false` at once.
 *
 *   THALAMUS_URL=http://localhost:3000 API_IDENTIFIER=https://billing.example.com \
 *   API_CLIENT_ID=… API_CLIENT_SECRET=… npx tsx examples/resource-server.ts 4000
 *
 * starts an API on :4000 whose GET /invoices needs `invoices:read`. The end-to-end tests
 * use these same functions.
 */
import { createServer } from 'node:http';
import { createRemoteJWKSet, errors, jwtVerify, type JWTPayload } from 'jose';

export interface ResourceServerOptions {
  /** Thalamus's issuer, e.g. https://id.example.com */
  issuer: string;
  /** The API's identifier: the audience its tokens must name. */
  audience: string;
  /** The API's client, for introspecting opaque tokens (optional for JWT-only APIs). */
  introspectionClient?: { id: string; secret: string };
}

export type Verdict =
  { ok: true; claims: JWTPayload & { scope?: string; client_id?: string } } | { ok: false; status: 401 | 403; error: 'invalid_token' | 'insufficient_scope'; description: string };

/** Checks a bearer token for one route's scope; the answer says what to reply (RFC 6750 §3.1). */
export function tokenVerifier(options: ResourceServerOptions) {
  const jwks = createRemoteJWKSet(new URL(`${options.issuer}/oauth/jwks`));
  const refuse = (description: string): Verdict => ({ ok: false, status: 401, error: 'invalid_token', description });

  async function claimsOf(token: string): Promise<Verdict> {
    if (token.split('.').length === 3) {
      try {
        const { payload } = await jwtVerify(token, jwks, { issuer: options.issuer, audience: options.audience, typ: 'at+jwt' });
        return { ok: true, claims: payload };
      } catch (error) {
        return refuse(error instanceof errors.JOSEError ? error.code : 'the token could not be verified');
      }
    }
    if (!options.introspectionClient) return refuse('opaque tokens need introspection credentials');
    const { id, secret } = options.introspectionClient;
    const response = await fetch(`${options.issuer}/oauth/introspect`, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: new URLSearchParams({ token }),
    });
    const described = (await response.json()) as JWTPayload & { active?: boolean };
    if (!described.active) return refuse('the token is not active');
    if (![described.aud].flat().includes(options.audience)) return refuse('the token is for another API');
    return { ok: true, claims: described };
  }

  return async function verify(authorization: string | undefined, requiredScope: string): Promise<Verdict> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) return refuse('send the access token as Authorization: Bearer <token>');
    const verdict = await claimsOf(match[1]!);
    if (!verdict.ok) return verdict;
    const scopes = String(verdict.claims.scope ?? '').split(' ');
    if (!scopes.includes(requiredScope)) return { ok: false, status: 403, error: 'insufficient_scope', description: `this needs the ${requiredScope} scope` };
    return verdict;
  };
}

/** A tiny API: every request needs `requiredScope` (GET /invoices, invoices:read, by default). */
export function invoicesApi(options: ResourceServerOptions, requiredScope = 'invoices:read') {
  const verify = tokenVerifier(options);
  return createServer(async (req, res) => {
    const verdict = await verify(req.headers.authorization, requiredScope);
    if (!verdict.ok) {
      res.writeHead(verdict.status, { 'WWW-Authenticate': `Bearer error="${verdict.error}", error_description="${verdict.description}"`, 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ error: verdict.error, error_description: verdict.description }));
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ invoices: [], for: verdict.claims.sub, client_id: verdict.claims.client_id }));
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { THALAMUS_URL, API_IDENTIFIER, API_CLIENT_ID, API_CLIENT_SECRET } = process.env;
  if (!THALAMUS_URL || !API_IDENTIFIER) throw new Error('Set THALAMUS_URL and API_IDENTIFIER');
  const port = Number(process.argv[2] ?? 4000);
  const introspectionClient = API_CLIENT_ID && API_CLIENT_SECRET ? { id: API_CLIENT_ID, secret: API_CLIENT_SECRET } : undefined;
  invoicesApi({ issuer: THALAMUS_URL, audience: API_IDENTIFIER, introspectionClient }).listen(port, () => console.log(`GET http://localhost:${port}/invoices needs invoices:read`));
}
