import { env } from '@/lib/config/env';
import { getDb, type Db } from '@/lib/db/client';
import { log } from '@/lib/log/logger';
import { ATTEMPT_TIMEOUT_MS, mailTransport } from './mail-transport';

/**
 * The outgoing mail queue (mail_messages). Every message is a row before anything is
 * sent, so a crash or an SMTP outage loses nothing: the sender tries it at once, and the
 * worker every server runs delivers whatever is due after a failure.
 *
 * A delivery attempt first *claims* the row with one conditional UPDATE (still queued,
 * due now), which moves its next attempt past the longest an attempt can take. Only one
 * of several instances (or of the sender and the worker) can win that UPDATE, so a
 * message is never handed to SMTP twice by two servers at once.
 */

/** A claim outlives the longest attempt, so nobody else picks the row up while it is being sent. */
const CLAIM_MS = ATTEMPT_TIMEOUT_MS + 60_000;
/** The longest wait between two attempts. */
const MAX_RETRY_DELAY_SECONDS = 3600;
/** Messages the worker sends per round (the next round takes the rest). */
const BATCH_SIZE = 20;
/** Failed messages keep their text for "Retry now" this long, then it is erased (it may hold a link). */
const FAILED_BODY_RETENTION_MS = 7 * 24 * 3600 * 1000;
/** How long the queue remembers a sent or failed message (to, template, status) for the console. */
export const MAIL_HISTORY_RETENTION_MS = 90 * 24 * 3600 * 1000;
const TIDY_INTERVAL_MS = 3600 * 1000;

export type DeliveryOutcome = 'sent' | 'retry' | 'failed' | 'skipped';

/** Seconds before attempt n+1 after n failed attempts: MAIL_RETRY_SECONDS, doubling, at most an hour. */
export function retryDelaySeconds(failedAttempts: number, base = env().MAIL_RETRY_SECONDS): number {
  return Math.min(base * 2 ** Math.max(0, failedAttempts - 1), MAX_RETRY_DELAY_SECONDS);
}

/**
 * One delivery attempt of one message, if it is due and nobody else holds it. The message
 * body is cleared once the SMTP server has accepted it: it often carries a single-use link,
 * which has no business staying in the database.
 */
export async function deliverMessage(db: Db, id: string, now = new Date()): Promise<DeliveryOutcome> {
  const claimed = await db.mailMessage.updateMany({
    where: { id, status: 'queued', nextAttemptAt: { lte: now } },
    data: { attempts: { increment: 1 }, nextAttemptAt: new Date(now.getTime() + CLAIM_MS) },
  });
  if (claimed.count !== 1) return 'skipped';
  const message = await db.mailMessage.findUniqueOrThrow({ where: { id } });
  const mine = { id, status: 'queued', attempts: message.attempts };
  try {
    await mailTransport().sendMail({ to: message.toAddress, subject: message.subject, text: message.text, html: message.html });
  } catch (error) {
    const problem = describeFailure(error);
    const last = problem.permanent || message.attempts >= env().MAIL_MAX_ATTEMPTS;
    const retryAt = new Date(now.getTime() + retryDelaySeconds(message.attempts) * 1000);
    await db.mailMessage.updateMany({
      where: mine,
      data: last ? { status: 'failed', lastError: problem.text } : { nextAttemptAt: retryAt, lastError: problem.text },
    });
    // The id and the SMTP status only: the body may hold a link, and the server's reply may quote the address.
    const context = { message_id: id, template: message.template, attempts: message.attempts, error: problem.code };
    if (last) log.error('mail delivery failed; giving up', context);
    else log.warn('mail delivery failed; will retry', { ...context, retry_at: retryAt.toISOString() });
    return last ? 'failed' : 'retry';
  }
  await db.mailMessage.updateMany({ where: mine, data: { status: 'sent', sentAt: new Date(), text: '', html: '', lastError: '' } });
  log.info('mail sent', { message_id: id, template: message.template, attempts: message.attempts });
  return 'sent';
}

/**
 * RFC 5321 §4.2.1: a 5yz reply is a permanent refusal. A recipient refused that way will
 * not be accepted later, so the message fails at once; anything else (no connection, a
 * 4yz reply, a timeout, even an authentication failure an admin may fix) is retried.
 */
function describeFailure(error: unknown): { text: string; code: string; permanent: boolean } {
  const e = error as { code?: string; responseCode?: number; command?: string; message?: string };
  const code = [e.code, e.responseCode, e.command].filter(Boolean).join(' ') || 'error';
  const permanent = e.command === 'RCPT TO' && typeof e.responseCode === 'number' && e.responseCode >= 500;
  return { text: String(e.message ?? error).slice(0, 500), code, permanent };
}

/** One round of the worker: every due message, oldest first, one at a time. */
export async function deliverDueMail(db: Db, now = new Date()): Promise<Record<DeliveryOutcome, number>> {
  const counts: Record<DeliveryOutcome, number> = { sent: 0, retry: 0, failed: 0, skipped: 0 };
  const due = await db.mailMessage.findMany({
    where: { status: 'queued', nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: 'asc' },
    take: BATCH_SIZE,
    select: { id: true },
  });
  for (const { id } of due) counts[await deliverMessage(db, id, now)]++;
  return counts;
}

/** Erases the text of messages that failed long ago and forgets old messages (the worker does this hourly). */
export async function tidyMailQueue(db: Db, now = new Date()): Promise<void> {
  await db.mailMessage.updateMany({
    where: { status: 'failed', createdAt: { lt: new Date(now.getTime() - FAILED_BODY_RETENTION_MS) }, NOT: { text: '' } },
    data: { text: '', html: '' },
  });
  await db.mailMessage.deleteMany({ where: { status: { in: ['sent', 'failed'] }, createdAt: { lt: new Date(now.getTime() - MAIL_HISTORY_RETENTION_MS) } } });
}

/** A failed message goes back into the queue, due now, with a fresh set of attempts. */
export async function requeueMessage(db: Db, id: string): Promise<boolean> {
  const { count } = await db.mailMessage.updateMany({
    where: { id, status: 'failed', NOT: { text: '' } },
    data: { status: 'queued', attempts: 0, nextAttemptAt: new Date() },
  });
  return count === 1;
}

interface WorkerState {
  timer?: NodeJS.Timeout;
  running?: boolean;
  tidiedAt?: number;
  inFlight: Set<Promise<unknown>>;
}
const worker = ((globalThis as unknown as { thalamusMailWorker?: WorkerState }).thalamusMailWorker ??= { inFlight: new Set() });

/** Tries a message now, in the background: the caller (a person waiting for a page) never waits for SMTP. */
export function deliverSoon(id: string): void {
  const attempt = getDb()
    .then((db) => deliverMessage(db, id))
    .catch((error: unknown) => log.warn('mail delivery attempt did not complete', { message_id: id, error: String(error) }))
    .finally(() => worker.inFlight.delete(attempt));
  worker.inFlight.add(attempt);
}

/** Waits for the background attempts started so far (a CLI command calls this before it closes the database). */
export async function settleMailDeliveries(): Promise<void> {
  while (worker.inFlight.size) await Promise.all([...worker.inFlight]);
}

/**
 * Starts this process's mail worker (once). It looks for due messages at the retry
 * interval (at most every 30 s), so a retry waits about as long as its backoff says.
 */
export function startMailWorker(): void {
  if (worker.timer) return;
  const intervalMs = Math.min(env().MAIL_RETRY_SECONDS, 30) * 1000;
  worker.timer = setInterval(() => {
    if (worker.running || !env().SMTP_URL) return;
    worker.running = true;
    getDb()
      .then(async (db) => {
        await deliverDueMail(db);
        if (Date.now() - (worker.tidiedAt ?? 0) < TIDY_INTERVAL_MS) return;
        worker.tidiedAt = Date.now();
        await tidyMailQueue(db);
      })
      .catch((error: unknown) => log.warn('mail worker round failed', { error: String(error) }))
      .finally(() => (worker.running = false));
  }, intervalMs);
  worker.timer.unref();
}
