import { env } from '@/lib/config/env';
import { MAX_TOKEN_LIFETIME } from '@/lib/resources/resource-schema';
import { LIFETIME_RANGES } from '@/lib/clients/client-security-schema';

/**
 * Lifetimes (seconds) of everything the provider issues, in one place: the provider
 * configuration uses them, and key rotation derives from them how long a retired key
 * must stay published (lib/keys/rotate-keys.ts).
 */
export function tokenLifetimes() {
  const accessToken = env().ACCESS_TOKEN_TTL;
  return {
    AccessToken: accessToken,
    ClientCredentials: accessToken,
    AuthorizationCode: 60,
    // RFC 8628 §3.2 expires_in: ten minutes to type the code on another screen.
    DeviceCode: 600,
    IdToken: 3600,
    Interaction: 3600,
    Session: 14 * 24 * 3600,
    Grant: 14 * 24 * 3600,
    RefreshToken: 14 * 24 * 3600,
  };
}

/** The longest a JWT signed by the provider (access token or ID token) stays valid. */
export function longestSignedTokenLifetime(): number {
  const ttl = tokenLifetimes();
  // An API resource may set its own access token lifetime, up to MAX_TOKEN_LIFETIME, and a
  // client its access and ID token lifetimes (client-security-schema.ts).
  const perClient = Math.max(LIFETIME_RANGES.access_token_lifetime.max, LIFETIME_RANGES.id_token_lifetime.max);
  return Math.max(ttl.AccessToken, ttl.ClientCredentials, ttl.IdToken, MAX_TOKEN_LIFETIME, perClient);
}
