import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Generated credentials (client secrets, admin API keys): high-entropy random values
 * with a recognisable prefix, so secret scanners and humans can tell what leaked.
 * Only a SHA-256 digest and a short hint are stored. A slow hash buys nothing for
 * 256 random bits and would cap the token endpoint (bcrypt: ~30 req/s here).
 */
export interface IssuedSecret {
  /** Shown exactly once, never stored. */
  plaintext: string;
  digest: string;
  /** Safe to display: prefix and last four characters. */
  hint: string;
}

export function issueSecret(prefix: string, bytes = 32): IssuedSecret {
  const plaintext = `${prefix}${randomBytes(bytes).toString('base64url')}`;
  return { plaintext, digest: digestSecret(plaintext), hint: hintFor(plaintext, prefix) };
}

/** Stores a secret someone else chose (e.g. from the environment) the same way. */
export function adoptSecret(plaintext: string, prefix = ''): IssuedSecret {
  return { plaintext, digest: digestSecret(plaintext), hint: hintFor(plaintext, plaintext.startsWith(prefix) ? prefix : '') };
}

export function digestSecret(plaintext: string): string {
  return createHash('sha256').update(plaintext, 'utf8').digest('base64url');
}

/** Constant-time check of a presented secret against stored digests. */
export function matchesDigest(presented: string, digests: readonly string[]): boolean {
  return matchingDigest(presented, digests) !== undefined;
}

/** The stored digest the presented secret matches, if any; every digest is compared, in constant time each. */
export function matchingDigest(presented: string, digests: readonly string[]): string | undefined {
  const candidate = Buffer.from(digestSecret(presented));
  let matched: string | undefined;
  for (const digest of digests) {
    const stored = Buffer.from(digest);
    if (stored.length === candidate.length && timingSafeEqual(stored, candidate)) matched = digest;
  }
  return matched;
}

function hintFor(plaintext: string, prefix: string): string {
  return `${prefix}…${plaintext.slice(-4)}`;
}
