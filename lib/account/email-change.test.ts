import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { createUser } from '@/lib/users/create-user';
import { issueUserToken } from '@/lib/account-links/user-tokens';
import { mailConfigured } from '@/lib/mail/send-mail';
import { applyEmailChange, requestEmailChange } from './email-change';

afterAll(closeDb);

const context = { address: '203.0.113.9', userAgent: 'Firefox/128.0' };

async function account() {
  const db = await getDb();
  const email = `email-${randomUUID()}@example.test`;
  const user = await createUser(db, { email, password: 'a long enough password', emailVerified: false });
  return { db, user, actor: { userId: user.id, email, sessionId: 's', sessionUid: 'u' } };
}

describe('email change', () => {
  it('refuses the current address, an address another account has, and a wrong password, each on its field', async () => {
    const { db, actor } = await account();
    const other = await account();
    await expect(requestEmailChange(db, actor, { email: 'not an address', current: 'x' }, context)).rejects.toMatchObject({
      fields: [{ path: 'email', message: 'Enter a valid email address' }],
    });
    await expect(requestEmailChange(db, actor, { email: actor.email.toUpperCase(), current: 'x' }, context)).rejects.toMatchObject({
      fields: [{ path: 'email', message: 'This is already your email address' }],
    });
    await expect(requestEmailChange(db, actor, { email: other.actor.email, current: 'a long enough password' }, context)).rejects.toMatchObject({
      code: 'conflict',
      fields: [{ path: 'email', message: 'Another account uses this address' }],
    });
    await expect(requestEmailChange(db, actor, { email: `new-${randomUUID()}@example.test`, current: 'wrong' }, context)).rejects.toMatchObject({
      fields: [{ path: 'current', message: 'That password is not correct' }],
    });
  });

  it.skipIf(mailConfigured())('says so when this server cannot send email, rather than pretending a link went out', async () => {
    const { db, actor } = await account();
    await expect(requestEmailChange(db, actor, { email: `new-${randomUUID()}@example.test`, current: 'a long enough password' }, context)).rejects.toThrow(/cannot send email/);
  });

  it('changes the address, verified, when the link is used; the link works once', async () => {
    const { db, user } = await account();
    const next = `next-${randomUUID()}@example.test`;
    const token = await issueUserToken(db, { userId: user.id, purpose: 'email_verification', email: next });
    expect(await applyEmailChange(db, { token }, context)).toEqual({ ok: true, email: next, changed: true });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({ email: next, emailVerified: true });
    expect(await applyEmailChange(db, { token }, context)).toEqual({ ok: false, reason: 'used' });
    const [event] = await db.securityEvent.findMany({ where: { userId: user.id, type: 'email.changed' } });
    expect(JSON.parse(event!.detail)).toEqual({ from: user.email, to: next });
    expect(await applyEmailChange(db, { token: 'thlt_altered' }, context)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses the change, leaving the link unused, when another account took the address meanwhile', async () => {
    const { db, user } = await account();
    const next = `raced-${randomUUID()}@example.test`;
    const token = await issueUserToken(db, { userId: user.id, purpose: 'email_verification', email: next });
    const other = await createUser(db, { email: next, password: 'a long enough password' });
    expect(await applyEmailChange(db, { token }, context)).toEqual({ ok: false, reason: 'taken' });
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    await db.user.delete({ where: { id: other.id } });
    expect(await applyEmailChange(db, { token }, context)).toMatchObject({ ok: true, changed: true });
  });
});
