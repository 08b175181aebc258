import { createLocalJWKSet, jwtVerify, type JWK } from 'jose';
import type { Db } from '@/lib/db/client';
import { issuer } from '@/lib/config/env';
import { loadKeys } from '@/lib/keys/keys';
import { parseList } from '@/lib/db/json-list';
import { ADMIN_SCOPE } from '@/lib/scopes/builtin-scopes';
import { getProvider } from './provider';
import { defaultResource } from './configuration';

/** The client behind a client_credentials token that may use the whole admin API. */
export interface PlatformCredential {
  clientId: string;
}

const PRIVATE_JWK_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi', 'key_ops'] as const;

/**
 * Accepts a client_credentials access token carrying the `admin` scope as the admin API's
 * platform credential (RFC 6750 bearer token). Opaque tokens are looked up in the
 * provider's own store, so a revoked or expired one stops at once; JWTs are verified
 * against Thalamus's published keys, its issuer and the admin API's audience (RFC 9068 §4).
 * Either way the client must still be enabled and still hold the `admin` scope, so taking
 * the scope away from a client ends its tokens' reach on their next request.
 */
export async function authenticatePlatformToken(db: Db, presented: string): Promise<PlatformCredential | undefined> {
  const claims = await clientCredentialsClaims(db, presented);
  if (!claims || !claims.scopes.includes(ADMIN_SCOPE)) return undefined;
  const client = await db.oAuthClient.findUnique({ where: { clientId: claims.clientId }, select: { enabled: true, scopes: true } });
  if (!client?.enabled || !parseList(client.scopes).includes(ADMIN_SCOPE)) return undefined;
  return { clientId: claims.clientId };
}

export interface TokenClaims {
  clientId: string;
  scopes: string[];
}

/**
 * The client and scopes of a live client_credentials access token for Thalamus's own API
 * (opaque or JWT, as above), or undefined. Callers check the scope they need and that the
 * client still holds it (the SCIM server does the same with `directory:*`).
 */
export async function clientCredentialsClaims(db: Db, presented: string): Promise<TokenClaims | undefined> {
  if (presented.length > 4096) return undefined;
  return presented.split('.').length === 3 ? verifiedJwt(db, presented) : storedClientCredentials(presented);
}

async function storedClientCredentials(value: string): Promise<TokenClaims | undefined> {
  const { provider } = await getProvider();
  const token = await provider.ClientCredentials.find(value);
  // A sender-constrained (DPoP or mTLS) token is worthless without its proof, which this API does not take.
  if (!token?.clientId || token.isSenderConstrained()) return undefined;
  const audiences = Array.isArray(token.aud) ? token.aud : [token.aud];
  if (!audiences.includes(defaultResource())) return undefined;
  return { clientId: token.clientId, scopes: (token.scope ?? '').split(' ').filter(Boolean) };
}

async function verifiedJwt(db: Db, value: string): Promise<TokenClaims | undefined> {
  const { jwks } = await loadKeys(db);
  const publicKeys = jwks.keys.map((key) => Object.fromEntries(Object.entries(key).filter(([name]) => !(PRIVATE_JWK_MEMBERS as readonly string[]).includes(name))) as JWK);
  try {
    const { payload } = await jwtVerify(value, createLocalJWKSet({ keys: publicKeys }), {
      issuer: issuer(),
      audience: defaultResource(),
      typ: 'at+jwt',
      algorithms: ['ES256', 'RS256'],
    });
    if (typeof payload.client_id !== 'string' || payload.cnf) return undefined;
    // client_credentials tokens have the client as their subject (RFC 9068 §2.2); a user's token does not qualify.
    if (payload.sub !== payload.client_id) return undefined;
    return { clientId: payload.client_id, scopes: typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [] };
  } catch {
    return undefined;
  }
}
