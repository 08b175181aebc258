import { env } from '@/lib/config/env';
import { getDb, type Db } from '@/lib/db/client';
import type { Tx } from '@/lib/audit/record-audit';
import { log } from '@/lib/log/logger';
import { newId } from '@/lib/secrets/ids';
import { signLogoutToken } from './logout-token';
import { DeliveryError, postLogoutToken } from './post-logout-token';

/**
 * Back-channel logout deliveries (OIDC Back-Channel Logout 1.0), queued like mail
 * (lib/mail/mail-queue.ts): a user's sign-out or an administrator's revocation writes
 * one row per client to notify, in the same transaction that ends the sessions, then
 * tries it at once in the background; the worker every server runs retries what failed,
 * with a doubling backoff, until BACKCHANNEL_LOGOUT_MAX_ATTEMPTS. A row is claimed with
 * one conditional UPDATE, so two instances never send it together. Each attempt signs a
 * fresh logout token and waits at most BACKCHANNEL_LOGOUT_TIMEOUT_SECONDS.
 */

/** One client to tell that a user's session at Thalamus ended. */
export interface LogoutNotice {
  clientId: string;
  accountId: string;
  /** The session's sid for that client (OIDC Front/Back-Channel Logout `sid`), when known. */
  sid: string | null;
}

const MAX_RETRY_DELAY_SECONDS = 3600;
const BATCH_SIZE = 20;
const HISTORY_RETENTION_MS = 30 * 24 * 3600 * 1000;

type Outcome = 'delivered' | 'retry' | 'failed' | 'skipped';

/** Seconds before attempt n+1 after n failed ones. */
export function logoutRetryDelaySeconds(failedAttempts: number, base = env().BACKCHANNEL_LOGOUT_RETRY_SECONDS): number {
  return Math.min(base * 2 ** Math.max(0, failedAttempts - 1), MAX_RETRY_DELAY_SECONDS);
}

/**
 * Queues a logout delivery for each notice whose client has a backchannel_logout_uri;
 * returns the rows' IDs (hand them to deliverLogoutsSoon once the transaction commits).
 */
export async function enqueueLogouts(tx: Tx | Db, notices: LogoutNotice[]): Promise<string[]> {
  if (!notices.length) return [];
  const clients = await tx.oAuthClient.findMany({
    where: { clientId: { in: [...new Set(notices.map((n) => n.clientId))] }, backchannelLogoutUri: { not: null }, enabled: true },
    select: { clientId: true },
  });
  const notified = new Set(clients.map((c) => c.clientId));
  const rows = notices.filter((n) => notified.has(n.clientId)).map((n) => ({ id: newId('bcl'), clientId: n.clientId, accountId: n.accountId, sid: n.sid }));
  if (rows.length) await tx.backchannelLogout.createMany({ data: rows });
  return rows.map((r) => r.id);
}

/** The clients and sids a session (the provider's Session payload) signed in to. */
export function noticesForSession(accountId: string, authorizations: Record<string, { sid?: unknown }> | undefined): LogoutNotice[] {
  return Object.entries(authorizations ?? {}).map(([clientId, authorization]) => ({
    clientId,
    accountId,
    sid: typeof authorization?.sid === 'string' ? authorization.sid : null,
  }));
}

function policy() {
  return { allowPrivate: env().BACKCHANNEL_LOGOUT_ALLOW_PRIVATE, timeoutMs: env().BACKCHANNEL_LOGOUT_TIMEOUT_SECONDS * 1000 };
}

/** One attempt of one delivery, if it is due and nobody else holds it. */
export async function deliverLogout(db: Db, id: string, now = new Date()): Promise<Outcome> {
  const claimMs = env().BACKCHANNEL_LOGOUT_TIMEOUT_SECONDS * 1000 + 30_000;
  const claimed = await db.backchannelLogout.updateMany({
    where: { id, status: 'queued', nextAttemptAt: { lte: now } },
    data: { attempts: { increment: 1 }, nextAttemptAt: new Date(now.getTime() + claimMs) },
  });
  if (claimed.count !== 1) return 'skipped';
  const row = await db.backchannelLogout.findUniqueOrThrow({ where: { id } });
  const mine = { id, status: 'queued', attempts: row.attempts };
  const client = await db.oAuthClient.findUnique({ where: { clientId: row.clientId }, select: { backchannelLogoutUri: true } });
  try {
    if (!client?.backchannelLogoutUri) throw new DeliveryError('the client no longer has a backchannel_logout_uri', true);
    await postLogoutToken(client.backchannelLogoutUri, await signLogoutToken(db, row), policy());
  } catch (error) {
    const problem = error instanceof DeliveryError ? error : new DeliveryError(String((error as Error)?.message ?? error), false);
    const last = problem.permanent || row.attempts >= env().BACKCHANNEL_LOGOUT_MAX_ATTEMPTS;
    const retryAt = new Date(now.getTime() + logoutRetryDelaySeconds(row.attempts) * 1000);
    await db.backchannelLogout.updateMany({
      where: mine,
      data: last ? { status: 'failed', lastError: problem.message.slice(0, 500) } : { nextAttemptAt: retryAt, lastError: problem.message.slice(0, 500) },
    });
    const context = { delivery_id: id, client_id: row.clientId, attempts: row.attempts, error: problem.message.slice(0, 200) };
    if (last) log.warn('back-channel logout failed; giving up', context);
    else log.info('back-channel logout failed; will retry', { ...context, retry_at: retryAt.toISOString() });
    return last ? 'failed' : 'retry';
  }
  await db.backchannelLogout.updateMany({ where: mine, data: { status: 'delivered', deliveredAt: new Date(), lastError: '' } });
  log.info('back-channel logout delivered', { delivery_id: id, client_id: row.clientId, attempts: row.attempts });
  return 'delivered';
}

/** One round of the worker: every due delivery, oldest first; old history is forgotten. */
export async function deliverDueLogouts(db: Db, now = new Date()): Promise<void> {
  const due = await db.backchannelLogout.findMany({
    where: { status: 'queued', nextAttemptAt: { lte: now } },
    orderBy: { nextAttemptAt: 'asc' },
    take: BATCH_SIZE,
    select: { id: true },
  });
  for (const { id } of due) await deliverLogout(db, id, now);
  await db.backchannelLogout.deleteMany({ where: { status: { in: ['delivered', 'failed'] }, createdAt: { lt: new Date(now.getTime() - HISTORY_RETENTION_MS) } } });
}

interface WorkerState {
  timer?: NodeJS.Timeout;
  running?: boolean;
}
const worker = ((globalThis as unknown as { thalamusLogoutWorker?: WorkerState }).thalamusLogoutWorker ??= {});

/** Tries the deliveries now, in the background: a user signing out never waits for a client. */
export function deliverLogoutsSoon(ids: string[]): void {
  if (!ids.length) return;
  void getDb()
    .then(async (db) => {
      for (const id of ids) await deliverLogout(db, id);
    })
    .catch((error: unknown) => log.warn('back-channel logout attempt did not complete', { error: String(error) }));
}

/** Starts this process's delivery worker (once); it looks for due deliveries every retry interval, at most every 30 s. */
export function startLogoutWorker(): void {
  if (worker.timer) return;
  const intervalMs = Math.min(env().BACKCHANNEL_LOGOUT_RETRY_SECONDS, 30) * 1000;
  worker.timer = setInterval(() => {
    if (worker.running) return;
    worker.running = true;
    getDb()
      .then((db) => deliverDueLogouts(db))
      .catch((error: unknown) => log.warn('back-channel logout worker round failed', { error: String(error) }))
      .finally(() => (worker.running = false));
  }, intervalMs);
  worker.timer.unref();
}
