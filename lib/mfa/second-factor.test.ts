import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { createUser } from '@/lib/users/create-user';
import { confirmTotpEnrollment, verifySecondFactor, verifyTotp } from './second-factor';
import { newTotpSecret, totpCodeAt } from './totp';

afterAll(closeDb);

async function enrolledUser() {
  const db = await getDb();
  const user = await createUser(db, { email: `mfa-${Date.now()}-${Math.random()}@example.test`, password: 'a long enough password' });
  const secret = newTotpSecret();
  const codes = await confirmTotpEnrollment(db, user.id, secret, totpCodeAt(secret, Date.now()));
  return { db, user, secret, codes: codes! };
}

describe('second factor', () => {
  it('enrollment needs a valid first code and returns ten recovery codes', async () => {
    const db = await getDb();
    const user = await createUser(db, { email: `enroll-${Date.now()}@example.test`, password: 'a long enough password' });
    const secret = newTotpSecret();
    expect(await confirmTotpEnrollment(db, user.id, secret, '000000')).toBeUndefined();
    const codes = await confirmTotpEnrollment(db, user.id, secret, totpCodeAt(secret, Date.now()));
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
  });

  it('accepts a TOTP code once per time step, even concurrently (RFC 6238 §5.2)', async () => {
    const { db, user, secret } = await enrolledUser();
    const next = totpCodeAt(secret, Date.now() + 30_000);
    const results = await Promise.all(Array.from({ length: 5 }, () => verifyTotp(db, user.id, next)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await verifyTotp(db, user.id, totpCodeAt(secret, Date.now() + 10 * 60_000))).toBe(false);
  });

  it('accepts each recovery code once, with or without its dash', async () => {
    const { db, user, codes } = await enrolledUser();
    expect(await verifySecondFactor(db, user.id, codes[0]!.replace('-', '').toUpperCase())).toBe('recovery');
    expect(await verifySecondFactor(db, user.id, codes[0]!)).toBeUndefined();
    expect(await verifySecondFactor(db, user.id, 'aaaaa-bbbbb')).toBeUndefined();
  });
});
