import { describe, expect, it } from 'vitest';
import bcrypt from 'bcryptjs';
import { hashPassword, verifyPassword } from './password';

describe('password hashing', () => {
  it('uses bcrypt with a work factor of at least 10 (OWASP)', async () => {
    const hash = await hashPassword('correct horse battery staple');
    expect(bcrypt.getRounds(hash)).toBeGreaterThanOrEqual(10);
    expect(await verifyPassword('correct horse battery staple', hash)).toBe(true);
    expect(await verifyPassword('correct horse battery stapler', hash)).toBe(false);
  });

  it('counts every byte of passwords longer than bcrypt’s 72-byte limit', async () => {
    const prefix = 'a'.repeat(72);
    const hash = await hashPassword(`${prefix}-one`, 10);
    expect(await verifyPassword(`${prefix}-one`, hash)).toBe(true);
    expect(await verifyPassword(`${prefix}-two`, hash)).toBe(false);
  });
});
