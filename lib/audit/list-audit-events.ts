import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { startsWithText } from '@/lib/db/text-search';
import { pageNumber, pageSize } from '@/lib/db/list-query';

export const auditQuerySchema = z.object({
  actor_type: z.enum(['admin', 'api_key', 'cli', 'system']).optional(),
  target_type: z.enum(['client', 'api_key', 'scope', 'resource', 'user', 'organization']).optional(),
  target_id: z.string().max(128).optional(),
  action: z.string().max(64).optional(),
  page: pageNumber,
  page_size: pageSize(50),
});
export type AuditQuery = z.output<typeof auditQuerySchema>;

export interface AuditEventView {
  id: string;
  occurred_at: string;
  actor_type: string;
  actor_label: string;
  action: string;
  target_type: string;
  target_id: string;
  changes: { before?: Record<string, unknown>; after?: Record<string, unknown> };
}

export async function listAuditEvents(db: Db, query: AuditQuery) {
  const where = {
    ...(query.actor_type ? { actorType: query.actor_type } : {}),
    ...(query.target_type ? { targetType: query.target_type } : {}),
    ...(query.target_id ? { targetId: query.target_id } : {}),
    ...(query.action ? { action: startsWithText(query.action) } : {}),
  };
  const [rows, total] = await Promise.all([
    db.auditEvent.findMany({ where, orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }], skip: (query.page - 1) * query.page_size, take: query.page_size }),
    db.auditEvent.count({ where }),
  ]);
  const events: AuditEventView[] = rows.map((r) => ({
    id: r.id,
    occurred_at: r.occurredAt.toISOString(),
    actor_type: r.actorType,
    actor_label: r.actorLabel,
    action: r.action,
    target_type: r.targetType,
    target_id: r.targetId,
    changes: JSON.parse(r.changes) as AuditEventView['changes'],
  }));
  return { events, total, page: query.page, page_size: query.page_size };
}
