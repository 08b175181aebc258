import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { CLI_ACTOR } from '@/lib/audit/record-audit';
import { settleMailDeliveries } from '@/lib/mail/mail-queue';
import { createUser } from '@/lib/users/create-user';
import { checkPassword } from '@/lib/users/password';
import { takeAttempt } from '@/lib/throttle/rate-limit';
import { RESET_ACCOUNT_LIMIT, requestPasswordReset, resetPassword, sendPasswordResetLink } from './password-reset';
import { LinkProblem } from './link-problem';

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const port = await freePort();
// Read by lib/config/env.ts on first use, after this (each test file has its own modules).
Object.assign(process.env, { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Thalamus <thalamus@example.test>', APP_URL: 'https://id.example.test' });

/** A real SMTP server on loopback that keeps what it receives. */
const received: { to: string; subject: string; text: string }[] = [];
const smtp = new SMTPServer({
  disabledCommands: ['STARTTLS', 'AUTH'],
  authOptional: true,
  logger: false,
  onData(stream, session, callback) {
    simpleParser(stream)
      .then((mail) => {
        for (const r of session.envelope.rcptTo) received.push({ to: r.address, subject: mail.subject ?? '', text: mail.text ?? '' });
        callback();
      })
      .catch(callback);
  },
});
beforeAll(() => new Promise<void>((resolve) => smtp.listen(port, '127.0.0.1', resolve)));
afterAll(async () => {
  await settleMailDeliveries();
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  await closeDb();
});

const PASSWORD = 'the old password of ada';
const NEW_PASSWORD = 'correct horse battery staple';
const context = () => ({ address: `203.0.113.${Math.floor(Math.random() * 250)}-${randomUUID()}`, userAgent: 'vitest' });

async function newUser() {
  const db = await getDb();
  return createUser(db, { email: `reset-${randomUUID()}@example.test`, password: PASSWORD, name: 'Ada' });
}

/** The reset link of the newest message to `to`, once it arrived. */
async function linkSentTo(to: string): Promise<URL> {
  await settleMailDeliveries();
  const mail = received.filter((m) => m.to === to).at(-1);
  if (!mail) throw new Error(`no mail to ${to}`);
  return new URL(mail.text.match(/https:\/\/\S+/)![0]);
}

async function events(email: string) {
  const db = await getDb();
  return db.securityEvent.findMany({ where: { email }, orderBy: { occurredAt: 'asc' } });
}

describe('requestPasswordReset and resetPassword', () => {
  it('emails a link that sets a new password once, signs the person out everywhere and records it', async () => {
    const db = await getDb();
    const user = await newUser();
    await db.oidcModel.create({ data: { type: 'Session', id: `sess-${randomUUID()}`, payload: '{}', accountId: user.id, expiresAt: new Date(Date.now() + 3600_000) } });
    await db.rateLimit.create({ data: { key: `signin:account:${user.email}`, count: 5, windowStartsAt: new Date() } });

    await requestPasswordReset(db, user.email.toUpperCase(), { ...context(), returnTo: '/interaction/abcdefghij12' });
    const link = await linkSentTo(user.email);
    expect(link.origin + link.pathname).toBe('https://id.example.test/password/reset');
    expect(link.searchParams.get('return')).toBe('/interaction/abcdefghij12');
    const token = link.searchParams.get('token')!;
    expect(token).toMatch(/^thlt_/);

    // Refused passwords are field errors, and change nothing.
    await expect(resetPassword(db, token, { password: 'short', confirm: 'short' }, context())).rejects.toMatchObject({ fields: [{ path: 'password' }] });
    await expect(resetPassword(db, token, { password: 'password1234!', confirm: 'password1234!' }, context())).rejects.toMatchObject({
      fields: [{ path: 'password', message: expect.stringMatching(/too common/) }],
    });
    await expect(resetPassword(db, token, { password: NEW_PASSWORD, confirm: 'something else entirely' }, context())).rejects.toMatchObject({
      fields: [{ path: 'confirm', message: 'The passwords do not match' }],
    });
    expect((await checkPassword(PASSWORD, (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash!)).matches).toBe(true);

    await resetPassword(db, token, { password: NEW_PASSWORD, confirm: NEW_PASSWORD }, context());
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect((await checkPassword(NEW_PASSWORD, after.passwordHash!)).matches).toBe(true);
    expect(after.passwordHash).toMatch(/^\$argon2id\$/);
    expect(after.emailVerified).toBe(true);
    expect(await db.oidcModel.count({ where: { accountId: user.id, type: 'Session' } })).toBe(0);
    expect(await db.rateLimit.count({ where: { key: `signin:account:${user.email}` } })).toBe(0);
    expect((await events(user.email)).map((e) => e.type)).toEqual(['password.reset_requested', 'password.reset', 'sessions.revoked']);
    expect(await db.auditEvent.count({ where: { targetId: user.id, action: 'user.password_reset', actorType: 'system' } })).toBe(1);
    await settleMailDeliveries();
    expect(received.filter((m) => m.to === user.email).map((m) => m.subject)).toEqual(['Reset your password', 'Your password was changed']);

    // Used once: the second use is refused.
    await expect(resetPassword(db, token, { password: 'another fine passphrase', confirm: 'another fine passphrase' }, context())).rejects.toMatchObject({ reason: 'used' });
  });

  it('answers the same for an unknown, a disabled and a throttled account, and sends nothing', async () => {
    const db = await getDb();
    const unknown = `nobody-${randomUUID()}@example.test`;
    await expect(requestPasswordReset(db, unknown, context())).resolves.toBeUndefined();

    const disabled = await newUser();
    await db.user.update({ where: { id: disabled.id }, data: { disabled: true } });
    await expect(requestPasswordReset(db, disabled.email, context())).resolves.toBeUndefined();

    const busy = await newUser();
    for (let i = 0; i < RESET_ACCOUNT_LIMIT.max; i++) await takeAttempt(db, `reset:account:${busy.email}`, RESET_ACCOUNT_LIMIT);
    await expect(requestPasswordReset(db, busy.email, context())).resolves.toBeUndefined();

    await settleMailDeliveries();
    for (const email of [unknown, disabled.email, busy.email]) expect(received.filter((m) => m.to === email)).toEqual([]);
    expect((await events(unknown)).map((e) => JSON.parse(e.detail))).toEqual([{ outcome: 'unknown_account' }]);
    expect((await events(disabled.email)).map((e) => JSON.parse(e.detail))).toEqual([{ outcome: 'disabled' }]);
    expect((await events(busy.email)).map((e) => JSON.parse(e.detail))).toEqual([{ outcome: 'throttled' }]);
    expect(await db.userToken.count({ where: { userId: { in: [disabled.id, busy.id] } } })).toBe(0);
  });

  it('limits requests per client address', async () => {
    const db = await getDb();
    const user = await newUser();
    const from = context();
    for (let i = 0; i < 30; i++) await takeAttempt(db, `reset:address:${from.address}`, { max: 30, windowSeconds: 3600 });
    await requestPasswordReset(db, user.email, from);
    expect((await events(user.email)).map((e) => JSON.parse(e.detail))).toEqual([{ outcome: 'throttled' }]);
  });

  it('makes only the newest link work, refuses expired and altered links, and changes nothing then', async () => {
    const db = await getDb();
    const user = await newUser();
    await requestPasswordReset(db, user.email, context());
    const first = (await linkSentTo(user.email)).searchParams.get('token')!;
    await requestPasswordReset(db, user.email, context());
    const second = (await linkSentTo(user.email)).searchParams.get('token')!;
    expect(second).not.toBe(first);

    const choice = { password: NEW_PASSWORD, confirm: NEW_PASSWORD };
    await expect(resetPassword(db, first, choice, context())).rejects.toMatchObject({ reason: 'used' });
    await expect(resetPassword(db, `${second.slice(0, -2)}xx`, choice, context())).rejects.toBeInstanceOf(LinkProblem);
    await expect(resetPassword(db, 'not a token', choice, context())).rejects.toMatchObject({ reason: 'invalid' });
    await db.userToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(resetPassword(db, second, choice, context())).rejects.toMatchObject({ reason: 'expired', message: 'This link has expired.' });
    expect((await checkPassword(PASSWORD, (await db.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash!)).matches).toBe(true);
  });

  it('an admin-sent reset link is emailed and audited; a disabled user is refused', async () => {
    const db = await getDb();
    const user = await newUser();
    expect(await sendPasswordResetLink(db, CLI_ACTOR, user.id)).toEqual({ delivery: 'queued' });
    expect((await linkSentTo(user.email)).pathname).toBe('/password/reset');
    expect(await db.auditEvent.count({ where: { targetId: user.id, action: 'user.password_reset_sent' } })).toBe(1);

    await db.user.update({ where: { id: user.id }, data: { disabled: true } });
    await expect(sendPasswordResetLink(db, CLI_ACTOR, user.id)).rejects.toMatchObject({ code: 'conflict' });
    await expect(sendPasswordResetLink(db, CLI_ACTOR, 'usr_missing')).rejects.toMatchObject({ code: 'not_found' });
  });
});
