import { describe, expect, it } from 'vitest';
import bcrypt from 'bcryptjs';
import { createHash } from 'node:crypto';
import { checkPassword, hashPassword } from './password';

describe('password hashing', () => {
  it('uses Argon2id with at least OWASP’s minimum: 19 MiB, 2 iterations, 1 lane', async () => {
    const hash = await hashPassword('correct horse battery staple');
    const [, algorithm, version, params] = hash.split('$');
    expect(algorithm).toBe('argon2id');
    expect(version).toBe('v=19');
    const { m, t, p } = Object.fromEntries(
      params!
        .split(',')
        .map((kv) => kv.split('='))
        .map(([k, v]) => [k, Number(v)]),
    );
    expect(m).toBeGreaterThanOrEqual(19_456);
    expect(t).toBeGreaterThanOrEqual(2);
    expect(p).toBe(1);
    expect(await checkPassword('correct horse battery staple', hash)).toEqual({ matches: true, needsRehash: false });
    expect((await checkPassword('correct horse battery stapler', hash)).matches).toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same password')).not.toBe(await hashPassword('same password'));
  });

  it('counts every byte of long passwords', async () => {
    const prefix = 'a'.repeat(200);
    const hash = await hashPassword(`${prefix}-one`);
    expect((await checkPassword(`${prefix}-one`, hash)).matches).toBe(true);
    expect((await checkPassword(`${prefix}-two`, hash)).matches).toBe(false);
  });

  it('still accepts bcrypt hashes, and asks for them to be replaced', async () => {
    const hash = await bcrypt.hash('an older password', 10);
    expect(await checkPassword('an older password', hash)).toEqual({ matches: true, needsRehash: true });
    expect((await checkPassword('another password', hash)).matches).toBe(false);
  });

  it('checks bcrypt hashes of passwords over 72 bytes the way they were made (SHA-256 first)', async () => {
    const prefix = 'b'.repeat(72);
    const hash = await bcrypt.hash(createHash('sha256').update(`${prefix}-one`).digest('base64'), 10);
    expect((await checkPassword(`${prefix}-one`, hash)).matches).toBe(true);
    expect((await checkPassword(`${prefix}-two`, hash)).matches).toBe(false);
  });

  it('asks for a new hash when the stored one is weaker than today’s parameters', async () => {
    const argon2 = (await import('argon2')).default;
    const weak = await argon2.hash('a password', { type: argon2.argon2id, memoryCost: 4096, timeCost: 1, parallelism: 1 });
    expect(await checkPassword('a password', weak)).toEqual({ matches: true, needsRehash: true });
  });

  it('matches nothing against a damaged or unknown hash', async () => {
    expect(await checkPassword('x', '$argon2id$v=19$m=19456,t=2,p=1$broken')).toEqual({ matches: false, needsRehash: false });
    expect(await checkPassword('x', 'plaintext')).toEqual({ matches: false, needsRehash: false });
  });
});
