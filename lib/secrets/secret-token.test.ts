import { describe, expect, it } from 'vitest';
import { adoptSecret, digestSecret, issueSecret, matchesDigest } from './secret-token';

describe('issued secrets', () => {
  it('carry the prefix and at least 256 random bits, and differ every time', () => {
    const a = issueSecret('thcs_');
    const b = issueSecret('thcs_');
    expect(a.plaintext).toMatch(/^thcs_[\w-]{43}$/);
    expect(Buffer.from(a.plaintext.slice(5), 'base64url')).toHaveLength(32);
    expect(a.plaintext).not.toBe(b.plaintext);
  });

  it('store a digest and a hint, neither of which reveals the secret', () => {
    const secret = issueSecret('thcs_');
    expect(secret.digest).toBe(digestSecret(secret.plaintext));
    expect(secret.digest).not.toContain(secret.plaintext.slice(5, 15));
    expect(secret.hint).toBe(`thcs_…${secret.plaintext.slice(-4)}`);
  });

  it('match only the exact secret, against any of several digests', () => {
    const current = issueSecret('thcs_');
    const previous = issueSecret('thcs_');
    const digests = [previous.digest, current.digest];
    expect(matchesDigest(current.plaintext, digests)).toBe(true);
    expect(matchesDigest(previous.plaintext, digests)).toBe(true);
    expect(matchesDigest(`${current.plaintext}x`, digests)).toBe(false);
    expect(matchesDigest('', digests)).toBe(false);
    expect(matchesDigest(current.plaintext, [])).toBe(false);
  });

  it('adopt a secret chosen elsewhere the same way', () => {
    const adopted = adoptSecret('thcs_from-the-environment-0123456789abcdef', 'thcs_');
    expect(matchesDigest('thcs_from-the-environment-0123456789abcdef', [adopted.digest])).toBe(true);
    expect(adopted.hint).toBe('thcs_…cdef');
  });
});
