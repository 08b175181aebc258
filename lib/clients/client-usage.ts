import { getDb, type Db } from '@/lib/db/client';
import { log } from '@/lib/log/logger';

/** At most one write per client (and per secret) a minute: "last used" is for finding stale clients, not an access log. */
export const USAGE_WRITE_INTERVAL_MS = 60_000;

const written = new Map<string, number>();

/** Whether `key` is due a write (and marks it written): the check runs on every token request, so it is a map lookup. */
function due(key: string, now: number): boolean {
  const last = written.get(key);
  if (last !== undefined && now - last < USAGE_WRITE_INTERVAL_MS) return false;
  written.set(key, now);
  return true;
}

/**
 * Records that a client obtained a token (oidc-provider's grant.success). The write is
 * started after the response is on its way (setImmediate) and never awaited by the
 * request, so the token endpoint's latency does not include it.
 */
export function noteClientUse(clientId: string, now = new Date()): void {
  if (!due(`client:${clientId}`, now.getTime())) return;
  later((db) => db.clientUsage.upsert({ where: { clientId }, create: { clientId, lastUsedAt: now }, update: { lastUsedAt: now } }));
}

/** Records that a client authenticated with the secret of this digest (the secret check, lib/oidc/client-secret-check.ts). */
export function noteSecretUse(digest: string, now = new Date()): void {
  if (!due(`secret:${digest}`, now.getTime())) return;
  later((db) => db.clientSecret.updateMany({ where: { digest }, data: { lastUsedAt: now } }));
}

function later(write: (db: Db) => Promise<unknown>): void {
  setImmediate(() => {
    getDb()
      .then(write)
      // A client deleted in between, or the database briefly away: the next use writes again.
      .catch((error: unknown) => log.warn('could not record when a client was last used', { error: error instanceof Error ? error.message : String(error) }));
  });
}

/** Forgets what was written (tests that record uses one after another). */
export function forgetUsageWrites(): void {
  written.clear();
}
