import { randomUUID } from 'node:crypto';
import { createServer } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { deliverDueMail, deliverMessage, requeueMessage, retryDelaySeconds, settleMailDeliveries, tidyMailQueue } from './mail-queue';
import { renderMail } from './render-mail';
import { MAIL_LIMITS, sendMail } from './send-mail';

/** A port nobody listens on (yet): the SMTP server is "down" until a test starts it there. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

const port = await freePort();
// Read by lib/config/env.ts on first use, which happens after this (each test file has its own modules).
Object.assign(process.env, { SMTP_URL: `smtp://127.0.0.1:${port}`, MAIL_FROM: 'Thalamus <thalamus@example.test>', MAIL_RETRY_SECONDS: '1', MAIL_MAX_ATTEMPTS: '3' });

interface Received {
  to: string;
  subject: string;
  text: string;
  html: string;
}

/** A real SMTP server on loopback; `refuse` maps an address to the reply code it gets at RCPT TO. */
async function startSmtpServer(refuse = new Map<string, number>()) {
  const received: Received[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = refuse.get(address.address);
      callback(code ? Object.assign(new Error(`refused (${code})`), { responseCode: code }) : undefined);
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          for (const r of session.envelope.rcptTo) received.push({ to: r.address, subject: mail.subject ?? '', text: mail.text ?? '', html: String(mail.html) });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { received, refuse, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined;
afterEach(async () => {
  await settleMailDeliveries();
  await smtp?.close();
  smtp = undefined;
});
afterAll(closeDb);

const address = () => `person-${randomUUID()}@example.test`;
const mail = (to: string) => ({
  to,
  template: 'test',
  subject: 'Your link',
  ...renderMail({ heading: 'Hello', paragraphs: ['Open it.'], action: { label: 'Open', url: 'https://id.example.test/reset?token=thlt_secret' } }),
});
const inSeconds = (s: number) => new Date(Date.now() + s * 1000);

async function rowFor(to: string) {
  const db = await getDb();
  return db.mailMessage.findFirstOrThrow({ where: { toAddress: to } });
}

describe('sendMail', () => {
  it('queues a message while the SMTP server is down and delivers it once the server is back', async () => {
    const db = await getDb();
    const to = address();
    const started = Date.now();
    expect(await sendMail(db, mail(to))).toEqual({ delivery: 'queued' });
    expect(Date.now() - started).toBeLessThan(2000);
    await settleMailDeliveries();

    const waiting = await rowFor(to);
    expect(waiting).toMatchObject({ status: 'queued', attempts: 1, sentAt: null });
    expect(waiting.lastError).toMatch(/ECONNREFUSED/);
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

    smtp = await startSmtpServer();
    await deliverDueMail(db, inSeconds(2));
    expect(smtp.received).toEqual([expect.objectContaining({ to, subject: 'Your link' })]);
    expect(smtp.received[0]!.text).toContain('https://id.example.test/reset?token=thlt_secret');

    // Delivered: the link is no longer stored anywhere.
    const sent = await rowFor(to);
    expect(sent).toMatchObject({ status: 'sent', attempts: 2, text: '', html: '', lastError: '' });
    expect(sent.sentAt).toBeInstanceOf(Date);
  });

  it('backs off after a temporary refusal, gives up after the last attempt, and sends on "Retry now"', async () => {
    const db = await getDb();
    const to = address();
    smtp = await startSmtpServer(new Map([[to, 451]]));
    await sendMail(db, mail(to));
    await settleMailDeliveries();
    const first = await rowFor(to);
    expect(first).toMatchObject({ status: 'queued', attempts: 1 });
    expect(first.lastError).toMatch(/451/);

    // Not due yet: the worker leaves it alone.
    expect(await deliverDueMail(db, new Date(first.nextAttemptAt.getTime() - 1))).toMatchObject({ sent: 0, retry: 0 });
    expect((await rowFor(to)).attempts).toBe(1);

    // Each retry waits twice as long as the one before.
    expect(await deliverMessage(db, first.id, first.nextAttemptAt)).toBe('retry');
    const second = await rowFor(to);
    expect(second.attempts).toBe(2);
    expect(second.nextAttemptAt.getTime() - first.nextAttemptAt.getTime()).toBe(retryDelaySeconds(2) * 1000);
    expect(retryDelaySeconds(2)).toBe(2 * retryDelaySeconds(1));

    expect(await deliverMessage(db, first.id, second.nextAttemptAt)).toBe('failed');
    const failed = await rowFor(to);
    expect(failed).toMatchObject({ status: 'failed', attempts: 3 });
    expect(failed.text).not.toBe('');
    expect(await deliverMessage(db, first.id, inSeconds(3600))).toBe('skipped');

    smtp.refuse.delete(to);
    expect(await requeueMessage(db, first.id)).toBe(true);
    expect(await deliverMessage(db, first.id)).toBe('sent');
    expect(smtp.received.map((m) => m.to)).toEqual([to]);
  });

  it('fails at once when the server refuses the recipient for good (5xx)', async () => {
    const db = await getDb();
    const to = address();
    smtp = await startSmtpServer(new Map([[to, 550]]));
    await sendMail(db, mail(to));
    await settleMailDeliveries();
    expect(await rowFor(to)).toMatchObject({ status: 'failed', attempts: 1 });
  });

  it('hands a message to SMTP once even when two deliveries race for it', async () => {
    const db = await getDb();
    const to = address();
    smtp = await startSmtpServer(new Map([[to, 451]]));
    await sendMail(db, mail(to));
    await settleMailDeliveries();
    smtp.refuse.delete(to);
    const { id, nextAttemptAt } = await rowFor(to);
    const [a, b, round] = await Promise.all([deliverMessage(db, id, nextAttemptAt), deliverMessage(db, id, nextAttemptAt), deliverDueMail(db, nextAttemptAt)]);
    expect([a, b].filter((o) => o === 'sent').length + round.sent).toBe(1);
    expect(smtp.received.filter((m) => m.to === to)).toHaveLength(1);
  });

  it('limits messages per recipient and per requesting address, queuing nothing over the limit', async () => {
    const db = await getDb();
    smtp = await startSmtpServer();
    const to = address();
    for (let i = 0; i < MAIL_LIMITS.perRecipient.max; i++) expect((await sendMail(db, mail(to))).delivery).toBe('queued');
    expect(await sendMail(db, mail(to))).toEqual({ delivery: 'limited' });
    expect(await sendMail(db, mail(to.toUpperCase()))).toEqual({ delivery: 'limited' });
    expect(await db.mailMessage.count({ where: { toAddress: to } })).toBe(MAIL_LIMITS.perRecipient.max);

    const requesterAddress = `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID()}`;
    for (let i = 0; i < MAIL_LIMITS.perRequester.max; i++) expect((await sendMail(db, mail(address()), { requesterAddress })).delivery).toBe('queued');
    const refused = address();
    expect(await sendMail(db, mail(refused), { requesterAddress })).toEqual({ delivery: 'limited' });
    expect(await db.mailMessage.count({ where: { toAddress: refused } })).toBe(0);
    expect((await sendMail(db, mail(refused), { requesterAddress: `${requesterAddress}-other` })).delivery).toBe('queued');
  });

  it('erases the text of long-failed messages and forgets old ones', async () => {
    const db = await getDb();
    const day = 24 * 3600 * 1000;
    const row = (to: string, status: string, ageDays: number) => ({
      id: `msg_${randomUUID()}`,
      toAddress: to,
      template: 'test',
      subject: 's',
      text: 't',
      html: 'h',
      status,
      createdAt: new Date(Date.now() - ageDays * day),
    });
    const [failedRecently, failedLongAgo, sentLongAgo] = [address(), address(), address()];
    await db.mailMessage.createMany({ data: [row(failedRecently, 'failed', 1), row(failedLongAgo, 'failed', 8), row(sentLongAgo, 'sent', 91)] });
    await tidyMailQueue(db);
    expect(await rowFor(failedRecently)).toMatchObject({ text: 't', html: 'h' });
    expect(await rowFor(failedLongAgo)).toMatchObject({ status: 'failed', text: '', html: '' });
    expect(await db.mailMessage.count({ where: { toAddress: sentLongAgo } })).toBe(0);
  });

  it('refuses a malformed message with the field to fix', async () => {
    const db = await getDb();
    await expect(sendMail(db, { ...mail('not an address'), to: 'not an address' })).rejects.toMatchObject({ fields: [{ path: 'to' }] });
    await expect(sendMail(db, { ...mail(address()), subject: 'two\r\nBcc: x@example.test' })).rejects.toMatchObject({ fields: [{ path: 'subject' }] });
  });
});

describe('renderMail', () => {
  it('escapes every piece of text in the HTML and keeps the link on its own line in the text', () => {
    const { text, html } = renderMail({
      heading: 'Welcome, <b>Eve</b> & "friends"',
      paragraphs: ["<img src=x onerror=alert('x')>"],
      action: { label: 'Set <your> password', url: 'https://id.example.test/a?x=1&y="2"' },
      footer: 'Not you? <a href="https://evil.example">ignore</a>',
    });
    expect(html).toContain('Welcome, &lt;b&gt;Eve&lt;/b&gt; &amp; &quot;friends&quot;');
    expect(html).toContain('&lt;img src=x onerror=alert(&#39;x&#39;)&gt;');
    expect(html).toContain('href="https://id.example.test/a?x=1&amp;y=&quot;2&quot;"');
    expect(html).not.toMatch(/<img|<b>|href="https:\/\/evil/);
    expect(text.split('\n')).toContain('https://id.example.test/a?x=1&y="2"');
    expect(text).toContain("<img src=x onerror=alert('x')>");
  });

  it('refuses an action that is not an http(s) URL', () => {
    expect(() => renderMail({ heading: 'x', paragraphs: [], action: { label: 'Open', url: 'javascript:alert(1)' } })).toThrow(/http/);
  });
});
