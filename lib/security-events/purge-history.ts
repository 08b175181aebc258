import { env } from '@/lib/config/env';
import type { Db } from '@/lib/db/client';
import { tokenLifetimes } from '@/lib/oidc/token-lifetimes';

/**
 * The purge job's share of account history (lib/oidc/provider.ts runs it every
 * PURGE_INTERVAL_SECONDS): security events older than SECURITY_EVENTS_RETENTION_DAYS
 * (they hold addresses and browsers, personal data kept only as long as it serves
 * security: GDPR Art. 5(1)(e)), and the device records of sign-in sessions that can no
 * longer exist (not seen for longer than a session lives).
 */
export async function purgeAccountHistory(db: Db, now = new Date()): Promise<{ securityEvents: number; sessionActivity: number }> {
  const eventsBefore = new Date(now.getTime() - env().SECURITY_EVENTS_RETENTION_DAYS * 86_400_000);
  const sessionsBefore = new Date(now.getTime() - tokenLifetimes().Session * 1000);
  const [events, activity] = await Promise.all([
    db.securityEvent.deleteMany({ where: { occurredAt: { lt: eventsBefore } } }),
    db.sessionActivity.deleteMany({ where: { lastSeenAt: { lt: sessionsBefore } } }),
  ]);
  return { securityEvents: events.count, sessionActivity: activity.count };
}
