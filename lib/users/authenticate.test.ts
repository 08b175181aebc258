import { randomUUID } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { ACCOUNT_LIMIT, authenticate } from './authenticate';
import { createUser } from './create-user';

afterAll(closeDb);

describe('authenticate', () => {
  it('replaces a bcrypt hash with an Argon2id one at the first successful sign-in', async () => {
    const db = await getDb();
    const email = `legacy-${randomUUID()}@example.test`;
    const user = await createUser(db, { email, password: 'a legacy password', name: 'Legacy User' });
    await db.user.update({ where: { id: user.id }, data: { passwordHash: await bcrypt.hash('a legacy password', 10) } });

    expect((await authenticate(db, email, 'a wrong password', `test-${randomUUID()}`)).ok).toBe(false);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toMatch(/^\$2[aby]\$/);

    expect((await authenticate(db, email, 'a legacy password', `test-${randomUUID()}`)).ok).toBe(true);
    const upgraded = (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash!;
    expect(upgraded).toMatch(/^\$argon2id\$/);
    expect((await authenticate(db, email, 'a legacy password', `test-${randomUUID()}`)).ok).toBe(true);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(upgraded);
  });

  it('gives an unknown account the same answer as a wrong password', async () => {
    const db = await getDb();
    expect(await authenticate(db, `nobody-${randomUUID()}@example.test`, 'whatever password', `test-${randomUUID()}`)).toEqual({ ok: false, reason: 'invalid_credentials' });
  });
});

describe('security events of a sign-in', () => {
  it('records a failure with the address and browser, naming the account when it exists, and the lockout', async () => {
    const db = await getDb();
    const email = `events-${randomUUID()}@example.test`;
    const user = await createUser(db, { email, password: 'the right password', name: 'Events' });
    const address = `test-${randomUUID()}`;
    for (let i = 0; i < ACCOUNT_LIMIT.max; i++) await authenticate(db, email.toUpperCase(), 'a wrong password', address, 'Test Browser/1.0');
    expect((await authenticate(db, email, 'the right password', address, 'Test Browser/1.0')).ok).toBe(false);
    const events = await db.securityEvent.findMany({ where: { email } });
    expect(events.map((e) => e.type).sort()).toEqual([...Array(ACCOUNT_LIMIT.max).fill('sign_in.failed'), 'sign_in.locked']);
    const failed = events.find((e) => e.type === 'sign_in.failed')!;
    expect(failed).toMatchObject({ userId: user.id, address, userAgent: 'Test Browser/1.0' });
    expect(JSON.parse(failed.detail)).toEqual({ reason: 'wrong_password' });

    const unknown = `nobody-${randomUUID()}@example.test`;
    await authenticate(db, unknown, 'whatever password', address);
    expect(await db.securityEvent.findFirst({ where: { email: unknown } })).toMatchObject({ type: 'sign_in.failed', userId: null });
  });
});
