import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { CLI_ACTOR } from '@/lib/audit/record-audit';
import { createUser } from '@/lib/users/create-user';
import { authenticate } from '@/lib/users/authenticate';
import { acceptInvitation, sendInvitation } from './invitation';
import { sendPasswordResetLink } from './password-reset';
import { purgeExpiredUserTokens, EXPIRED_LINK_KEPT_SECONDS } from './user-tokens';

// No SMTP_URL here: mail is not configured, so an admin gets the link to hand over.
delete process.env.SMTP_URL;
afterAll(closeDb);

const PASSWORD = 'a first password to remember';
const address = () => `test-${randomUUID()}`;

async function invitedUser() {
  const db = await getDb();
  return createUser(db, { email: `invited-${randomUUID()}@example.test`, name: 'Grace' }, CLI_ACTOR);
}

function tokenOf(link: string): string {
  return new URL(link).searchParams.get('token')!;
}

describe('sendInvitation and acceptInvitation', () => {
  it('without mail, hands the admin a one-time link that sets the first password and verifies the email', async () => {
    const db = await getDb();
    const user = await invitedUser();
    expect((await authenticate(db, user.email, PASSWORD, address())).ok).toBe(false);

    const sent = await sendInvitation(db, CLI_ACTOR, user.id);
    expect(sent).toMatchObject({ delivery: 'link', reason: 'not_configured', link: expect.stringMatching(/\/invitation\?token=thlt_/) });
    const token = tokenOf((sent as { link: string }).link);

    await expect(acceptInvitation(db, token, { password: PASSWORD, confirm: 'not the same' })).rejects.toMatchObject({ fields: [{ path: 'confirm' }] });
    const personal = `${user.email.split('@')[0]}!`;
    await expect(acceptInvitation(db, token, { password: personal, confirm: personal })).rejects.toMatchObject({
      fields: [{ path: 'password', message: 'Do not use your email address in your password' }],
    });
    await acceptInvitation(db, token, { password: PASSWORD, confirm: PASSWORD }, { address: '198.51.100.7', userAgent: 'vitest' });

    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.emailVerified).toBe(true);
    expect((await authenticate(db, user.email, PASSWORD, address())).ok).toBe(true);
    expect(await db.securityEvent.findFirst({ where: { userId: user.id, type: 'password.set' } })).toMatchObject({ address: '198.51.100.7', userAgent: 'vitest' });
    const actions = (await db.auditEvent.findMany({ where: { targetId: user.id }, orderBy: { occurredAt: 'asc' } })).map((e) => e.action);
    expect(actions).toEqual(['user.created', 'user.invitation_sent', 'user.invitation_accepted']);
    // The audit rows never hold the link.
    expect(JSON.stringify(await db.auditEvent.findMany({ where: { targetId: user.id } }))).not.toContain('thlt_');

    await expect(acceptInvitation(db, token, { password: PASSWORD, confirm: PASSWORD })).rejects.toMatchObject({ reason: 'used' });
    await expect(sendInvitation(db, CLI_ACTOR, user.id)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('a resent invitation retires the first; a reset link sets a first password too', async () => {
    const db = await getDb();
    const user = await invitedUser();
    const first = tokenOf(((await sendInvitation(db, CLI_ACTOR, user.id)) as { link: string }).link);
    const second = tokenOf(((await sendInvitation(db, CLI_ACTOR, user.id)) as { link: string }).link);
    await expect(acceptInvitation(db, first, { password: PASSWORD, confirm: PASSWORD })).rejects.toMatchObject({ reason: 'used' });

    const reset = await sendPasswordResetLink(db, CLI_ACTOR, user.id);
    expect(reset).toMatchObject({ delivery: 'link', link: expect.stringMatching(/\/password\/reset\?token=thlt_/) });
    await db.user.update({ where: { id: user.id }, data: { passwordHash: 'set another way' } });
    await expect(acceptInvitation(db, second, { password: PASSWORD, confirm: PASSWORD })).rejects.toMatchObject({ reason: 'used' });
  });

  it('the purge keeps expired links a while (they still say "expired"), then deletes them', async () => {
    const db = await getDb();
    const user = await invitedUser();
    await sendInvitation(db, CLI_ACTOR, user.id);
    await db.userToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await purgeExpiredUserTokens(db);
    expect(await db.userToken.count({ where: { userId: user.id } })).toBe(1);
    await purgeExpiredUserTokens(db, new Date(Date.now() + EXPIRED_LINK_KEPT_SECONDS * 1000));
    expect(await db.userToken.count({ where: { userId: user.id } })).toBe(0);
  });
});
