import { z } from 'zod';
import { recordAudit, type Actor } from '@/lib/audit/record-audit';
import type { Db } from '@/lib/db/client';
import { parseInput, ServiceError } from '@/lib/errors/service-error';
import { deliverSoon, requeueMessage } from './mail-queue';
import { renderMail } from './render-mail';
import { sendMail, type MailDelivery } from './send-mail';

/** A row of the console's queue: who, what kind, where it stands. Never the body (it may hold a link). */
export interface MailQueueEntry {
  id: string;
  to: string;
  template: string;
  status: 'queued' | 'sent' | 'failed';
  attempts: number;
  last_error: string;
  created_at: string;
  sent_at: string | null;
  next_attempt_at: string | null;
  /** A failed message whose text is still kept can be put back into the queue. */
  can_retry: boolean;
}

/** The most recent messages, newest first. */
export async function listRecentMail(db: Db, take = 50): Promise<MailQueueEntry[]> {
  const rows = await db.mailMessage.findMany({
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take,
    select: { id: true, toAddress: true, template: true, status: true, attempts: true, lastError: true, createdAt: true, sentAt: true, nextAttemptAt: true, text: true },
  });
  return rows.map((row) => ({
    id: row.id,
    to: row.toAddress,
    template: row.template,
    status: row.status as MailQueueEntry['status'],
    attempts: row.attempts,
    last_error: row.lastError,
    created_at: row.createdAt.toISOString(),
    sent_at: row.sentAt?.toISOString() ?? null,
    next_attempt_at: row.status === 'queued' ? row.nextAttemptAt.toISOString() : null,
    can_retry: row.status === 'failed' && row.text !== '',
  }));
}

const testMailSchema = z.object({ to: z.email('Enter an email address').max(320) });

/**
 * A message that proves the SMTP settings work end to end. It goes through the queue and
 * the send limits like any other, so the console's table shows how it fared.
 */
export async function sendTestMail(db: Db, input: unknown, actor: Actor): Promise<{ delivery: MailDelivery; to: string }> {
  const { to } = parseInput(testMailSchema, input);
  const content = renderMail({
    heading: 'Thalamus can send email',
    paragraphs: [
      `${actor.label} sent this test message from the console to check the SMTP settings. Password resets, invitations and address verification will reach people the same way.`,
    ],
    footer: 'You received this because an administrator entered your address. No action is needed.',
  });
  const { delivery } = await sendMail(db, { to, template: 'test', subject: 'Test email from Thalamus', ...content });
  if (delivery === 'not_configured') throw new ServiceError('conflict', 'Email is not configured: set SMTP_URL and MAIL_FROM');
  if (delivery === 'limited')
    throw new ServiceError('conflict', `Too many messages to ${to} in the last hour; try again later`, [
      { path: 'to', message: 'Too many messages to this address in the last hour' },
    ]);
  await recordAudit(db, actor, 'mail.test_sent', { type: 'email', id: to });
  return { delivery, to };
}

/** "Retry now": a failed message back into the queue, tried at once. */
export async function retryMail(db: Db, id: string, actor: Actor): Promise<void> {
  const message = await db.mailMessage.findUnique({ where: { id }, select: { status: true, text: true } });
  if (!message) throw new ServiceError('not_found', 'No such message');
  if (!(await requeueMessage(db, id))) {
    throw new ServiceError('conflict', message.status !== 'failed' ? 'Only a failed message can be retried' : 'This message is too old to retry: its text was erased');
  }
  await recordAudit(db, actor, 'mail.retried', { type: 'mail_message', id });
  deliverSoon(id);
}
