import { getDb, type Db } from '@/lib/db/client';
import { log } from '@/lib/log/logger';

/**
 * Sign-ins, issued tokens and failures, counted per UTC day for the console's overview
 * (the activity_counts table holds a day, a kind and a number, nothing about who).
 *
 * Counting must never slow down or break what it counts: a token request only adds to
 * an in-memory tally, and the tally is written once a second (one upsert per day and
 * kind). Every instance adds its own tally, so the sums stay right with several
 * instances; a crash loses at most the last second.
 */
export const ACTIVITY_KINDS = ['sign_in', 'app_sign_in', 'sign_in_failed', 'token_issued', 'token_failed'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

const FLUSH_INTERVAL_MS = 1_000;

/** "2026-12-02": the UTC day a moment belongs to. */
export function utcDay(moment: Date): string {
  return moment.toISOString().slice(0, 10);
}

const pending = new Map<string, number>();
let timer: NodeJS.Timeout | undefined;

/** Counts one event of `kind` (now), written with the next flush. */
export function countActivity(kind: ActivityKind, at = new Date()): void {
  const key = `${utcDay(at)} ${kind}`;
  pending.set(key, (pending.get(key) ?? 0) + 1);
  scheduleFlush();
}

function scheduleFlush(): void {
  if (timer) return;
  timer = setTimeout(() => {
    timer = undefined;
    getDb()
      .then(flushActivity)
      .catch((error: unknown) => {
        log.warn('activity counts not written yet', { error: String(error) });
        scheduleFlush();
      });
  }, FLUSH_INTERVAL_MS);
  timer.unref();
}

/** Writes the tally so far (called by the timer; tests call it to read their counts at once). */
export async function flushActivity(db: Db): Promise<void> {
  const batch = [...pending];
  pending.clear();
  for (const [index, [key, count]] of batch.entries()) {
    const [day, kind] = key.split(' ') as [string, ActivityKind];
    try {
      await db.activityCount.upsert({ where: { day_kind: { day, kind } }, create: { day, kind, count }, update: { count: { increment: count } } });
    } catch (error) {
      // What is not written yet waits for the next flush rather than being lost while the database is briefly away.
      for (const [rest, n] of batch.slice(index)) pending.set(rest, (pending.get(rest) ?? 0) + n);
      throw error;
    }
  }
}

/** The counts of one day, every kind present (0 when nothing happened). */
export async function activityOn(db: Db, day: string): Promise<Record<ActivityKind, number>> {
  const rows = await db.activityCount.findMany({ where: { day } });
  const counts = Object.fromEntries(ACTIVITY_KINDS.map((kind) => [kind, 0])) as Record<ActivityKind, number>;
  for (const row of rows) if ((ACTIVITY_KINDS as readonly string[]).includes(row.kind)) counts[row.kind as ActivityKind] = row.count;
  return counts;
}

/** Whether `kind` ever happened (on any day). */
export async function everHappened(db: Db, kind: ActivityKind): Promise<boolean> {
  return (await db.activityCount.count({ where: { kind, count: { gt: 0 } } })) > 0;
}
