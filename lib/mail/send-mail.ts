import { z } from 'zod';
import { env } from '@/lib/config/env';
import type { Db } from '@/lib/db/client';
import { parseInput } from '@/lib/errors/service-error';
import { newId } from '@/lib/secrets/ids';
import { takeAttempt, type Limit } from '@/lib/throttle/rate-limit';
import { deliverSoon, startMailWorker } from './mail-queue';

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

export interface OutgoingMail extends MailContent {
  to: string;
  /** Which kind of message this is (password_reset, invitation, email_verification, test, …): shown in the console's queue. */
  template: string;
}

export type MailDelivery = 'queued' | 'not_configured' | 'limited';

/**
 * Send limits. Every flow that mails someone can be started by a stranger (a reset
 * request names any address), so without a cap Thalamus could be used to flood an inbox
 * or to burn the SMTP account's reputation (OWASP Forgot Password Cheat Sheet; ASVS 2.5).
 * Counted per recipient, and per requesting client address when the caller names one.
 */
export const MAIL_LIMITS = {
  perRecipient: { max: 10, windowSeconds: 3600 },
  perRequester: { max: 20, windowSeconds: 3600 },
} satisfies Record<string, Limit>;

const outgoingMailSchema = z.object({
  to: z.email().max(320),
  template: z.string().trim().min(1).max(64),
  subject: z
    .string()
    .min(1)
    .max(200)
    .refine((s) => !/[\r\n]/.test(s), 'a single line'),
  text: z.string().min(1),
  html: z.string().min(1),
});

/** Whether SMTP_URL (and MAIL_FROM) are set: without them flows hand the admin a one-time link instead. */
export function mailConfigured(): boolean {
  const { SMTP_URL, MAIL_FROM } = env();
  return Boolean(SMTP_URL && MAIL_FROM);
}

/**
 * Queues the message and tries to deliver it at once. Never throws for SMTP trouble (it
 * retries later).
 * 'not_configured': no SMTP_URL, nothing queued: an admin-facing flow then shows a one-time link instead.
 * 'limited': the per-recipient / per-requester send limit refused it (the caller still answers as if sent).
 *
 * The row is written before any attempt; the attempt itself runs in the background, so
 * the person who asked for the mail gets their answer at once, whether or not the SMTP
 * server is reachable.
 */
export async function sendMail(db: Db, mail: OutgoingMail, options: { requesterAddress?: string } = {}): Promise<{ delivery: MailDelivery }> {
  if (!mailConfigured()) return { delivery: 'not_configured' };
  const input = parseInput(outgoingMailSchema, { ...mail, to: mail.to.trim() }, 'The message has invalid fields');
  const recipient = input.to.toLowerCase();
  const byRecipient = await takeAttempt(db, `mail:to:${recipient}`, MAIL_LIMITS.perRecipient);
  if (!byRecipient.allowed) return { delivery: 'limited' };
  if (options.requesterAddress) {
    const byRequester = await takeAttempt(db, `mail:from:${options.requesterAddress}`, MAIL_LIMITS.perRequester);
    if (!byRequester.allowed) return { delivery: 'limited' };
  }
  const id = newId('msg');
  await db.mailMessage.create({
    data: { id, toAddress: input.to, template: input.template, subject: input.subject, text: input.text, html: input.html },
  });
  // In the server, make sure the worker runs (it retries what this attempt cannot deliver).
  // A CLI process only tries once; the servers' workers deliver the rest.
  if (process.env.NEXT_RUNTIME) startMailWorker();
  deliverSoon(id);
  return { delivery: 'queued' };
}
