import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { createUser } from '@/lib/users/create-user';
import { checkPassword } from '@/lib/users/password';
import { changeOwnPassword } from './change-password';

afterAll(closeDb);

const context = { address: '203.0.113.9', userAgent: 'Firefox/128.0' };

async function signedInTwice() {
  const db = await getDb();
  const email = `pw-${randomUUID()}@example.test`;
  const user = await createUser(db, { email, password: 'the old passphrase' });
  const sessions = ['here', 'elsewhere'].map((name) => ({ id: `${name}-${randomUUID()}`, uid: `uid-${randomUUID()}` }));
  for (const s of sessions)
    await db.oidcModel.create({ data: { type: 'Session', id: s.id, uid: s.uid, accountId: user.id, payload: JSON.stringify({ uid: s.uid, accountId: user.id }) } });
  return { db, user, actor: { userId: user.id, email, sessionId: sessions[0]!.id, sessionUid: sessions[0]!.uid }, sessions };
}

describe('changeOwnPassword', () => {
  it('needs the current password and a password the policy accepts, and names the field of each problem', async () => {
    const { db, actor } = await signedInTwice();
    await expect(changeOwnPassword(db, actor, { current: '', password: 'short', confirm: 'other' }, context)).rejects.toMatchObject({
      fields: [
        { path: 'current', message: 'Enter your current password' },
        { path: 'password', message: 'Use at least 12 characters' },
        { path: 'confirm', message: 'The passwords do not match' },
      ],
    });
    await expect(changeOwnPassword(db, actor, { current: 'x', password: 'a fine new passphrase', confirm: 'a different one' }, context)).rejects.toMatchObject({
      fields: [{ path: 'confirm', message: 'The passwords do not match' }],
    });
    await expect(changeOwnPassword(db, actor, { current: 'wrong guess', password: 'a fine new passphrase', confirm: 'a fine new passphrase' }, context)).rejects.toMatchObject({
      fields: [{ path: 'current', message: 'That password is not correct' }],
    });
    await expect(changeOwnPassword(db, actor, { current: 'the old passphrase', password: 'the old passphrase', confirm: 'the old passphrase' }, context)).rejects.toMatchObject({
      fields: [{ path: 'password', message: 'Choose a password different from the current one' }],
    });
    const local = actor.email.split('@')[0]!;
    await expect(changeOwnPassword(db, actor, { current: 'the old passphrase', password: `my ${local} pw`, confirm: `my ${local} pw` }, context)).rejects.toMatchObject({
      fields: [{ path: 'password', message: 'Do not use your email address in your password' }],
    });
  });

  it('changes it, ends the other sessions, keeps this one and records password.changed', async () => {
    const { db, user, actor, sessions } = await signedInTwice();
    expect(await changeOwnPassword(db, actor, { current: 'the old passphrase', password: 'a fine new passphrase', confirm: 'a fine new passphrase' }, context)).toBe(1);
    const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect((await checkPassword('a fine new passphrase', row.passwordHash!)).matches).toBe(true);
    expect((await checkPassword('the old passphrase', row.passwordHash!)).matches).toBe(false);
    expect((await db.oidcModel.findMany({ where: { type: 'Session', accountId: user.id } })).map((s) => s.id)).toEqual([sessions[0]!.id]);
    const [event] = await db.securityEvent.findMany({ where: { userId: user.id, type: 'password.changed' } });
    expect(event).toMatchObject({ address: '203.0.113.9', userAgent: 'Firefox/128.0' });
    expect(JSON.parse(event!.detail)).toEqual({ other_sessions_ended: 1 });
  });
});
