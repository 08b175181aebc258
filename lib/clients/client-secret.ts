import { issueSecret, matchesDigest, matchingDigest } from '@/lib/secrets/secret-token';

/** Client secrets start with this prefix so scanners can recognise a leaked one. */
export const CLIENT_SECRET_PREFIX = 'thcs_';

/** 256 random bits (RFC 6749 §10.10 asks for secrets an attacker cannot guess). */
export function issueClientSecret() {
  return issueSecret(CLIENT_SECRET_PREFIX, 32);
}

export function clientSecretMatches(presented: string, digests: readonly string[]): boolean {
  return matchesDigest(presented, digests);
}

/** Which of the client's live secrets was presented (its digest), for "last used". */
export function matchingClientSecret(presented: string, digests: readonly string[]): string | undefined {
  return matchingDigest(presented, digests);
}
