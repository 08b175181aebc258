import { randomUUID } from 'node:crypto';
import { importJWK, SignJWT } from 'jose';
import type { Db } from '@/lib/db/client';
import { issuer } from '@/lib/config/env';
import { loadKeys } from '@/lib/keys/keys';

/** The event that makes a JWT a logout token (OIDC Back-Channel Logout 1.0 §2.4). */
export const BACKCHANNEL_LOGOUT_EVENT = 'http://schemas.openid.net/event/backchannel-logout';

/** A logout token lives two minutes: it is sent at once, and a retry signs a new one. */
const LOGOUT_TOKEN_TTL_SECONDS = 120;

/**
 * A logout token (§2.4): signed with the provider's current ES256 key, so the client
 * verifies it with the published JWKS like an ID token; `typ` logout+jwt (§2.4, RFC 8725
 * §3.11) keeps it from passing for one. It names the user (`sub`) and, when known, the
 * session at Thalamus (`sid`), never carries a nonce, and has its own `jti`.
 */
export async function signLogoutToken(db: Db, notice: { clientId: string; accountId: string; sid: string | null }): Promise<string> {
  const { jwks } = await loadKeys(db);
  const jwk = jwks.keys.find((key) => key.alg === 'ES256' && !key.key_ops?.includes('verify'));
  if (!jwk) throw new Error('no active ES256 signing key');
  const key = await importJWK(jwk, 'ES256');
  return new SignJWT({ events: { [BACKCHANNEL_LOGOUT_EVENT]: {} }, ...(notice.sid ? { sid: notice.sid } : {}) })
    .setProtectedHeader({ alg: 'ES256', kid: jwk.kid, typ: 'logout+jwt' })
    .setIssuer(issuer())
    .setAudience(notice.clientId)
    .setSubject(notice.accountId)
    .setIssuedAt()
    .setExpirationTime(`${LOGOUT_TOKEN_TTL_SECONDS}s`)
    .setJti(randomUUID())
    .sign(key);
}
