import { randomUUID } from 'node:crypto';
import bcrypt from 'bcryptjs';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { authenticate } from './authenticate';
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
