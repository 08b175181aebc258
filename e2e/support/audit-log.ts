import { createDb } from '../../lib/db/client';

/**
 * What the Audit Log (console › Audit Log, the audit_events table) recorded about one
 * target, oldest first, with who did it: the API tests check that each change through
 * the admin API is audited, as the console tests do on the page itself.
 */
export async function auditTrail(targetId: string): Promise<{ action: string; actor_type: string; actor_label: string }[]> {
  const db = createDb();
  try {
    const rows = await db.auditEvent.findMany({ where: { targetId }, orderBy: [{ occurredAt: 'asc' }, { id: 'asc' }] });
    return rows.map((row) => ({ action: row.action, actor_type: row.actorType, actor_label: row.actorLabel }));
  } finally {
    await db.$disconnect();
  }
}
