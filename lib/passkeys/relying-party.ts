import { issuer } from '@/lib/config/env';

/**
 * The WebAuthn relying party is this installation's public address, APP_URL: the RP ID is
 * its host name (WebAuthn §5.1.4.1: a passkey works only on that domain and its
 * subdomains), the origin is its scheme, host and port. Passkeys registered under one
 * host do not work after APP_URL moves to another one (README, "Passkeys").
 */
export function relyingParty(): { id: string; name: string; origin: string } {
  const url = new URL(issuer());
  return { id: url.hostname, name: 'Thalamus', origin: url.origin };
}
