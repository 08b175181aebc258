import { randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { renderMail } from './render-mail';
import { mailConfigured, sendMail } from './send-mail';

// Read by lib/config/env.ts on first use, after this (each test file has its own modules).
delete process.env.SMTP_URL;
delete process.env.MAIL_FROM;
afterAll(closeDb);

it('without SMTP_URL says so and queues nothing, so the flow can offer a one-time link instead', async () => {
  const db = await getDb();
  const to = `person-${randomUUID()}@example.test`;
  expect(mailConfigured()).toBe(false);
  const content = renderMail({ heading: 'Hello', paragraphs: ['x'] });
  expect(await sendMail(db, { to, template: 'test', subject: 'Hello', ...content })).toEqual({ delivery: 'not_configured' });
  expect(await db.mailMessage.count({ where: { toAddress: to } })).toBe(0);
});
