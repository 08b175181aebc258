import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { pageNumber, pageSize } from '@/lib/db/list-query';
import { SECURITY_EVENT_TYPES } from './record-security-event';

/** The Audit Log's "Security events" view: `?type=&user=&page=&page_size=`; `user` is a user ID or an email. */
export const securityEventQuerySchema = z.object({
  type: z.enum(SECURITY_EVENT_TYPES).optional(),
  user: z.string().trim().max(254).optional(),
  page: pageNumber,
  page_size: pageSize(50),
});
export type SecurityEventQuery = z.output<typeof securityEventQuerySchema>;

export interface SecurityEventView {
  id: string;
  occurred_at: string;
  type: string;
  user_id: string | null;
  email: string;
  address: string;
  user_agent: string;
  detail: Record<string, unknown>;
}

/**
 * A user filter (an ID or an email) matches the account's events and the attempts that
 * named its email; for an address no account has, the attempts that named it.
 */
async function userFilter(db: Db, user: string) {
  const email = user.toLowerCase();
  const account = await db.user.findFirst({ where: { OR: [{ id: user }, { email }] }, select: { id: true, email: true } });
  return account ? { OR: [{ userId: account.id }, { email: account.email }] } : { OR: [{ userId: user }, { email }] };
}

/** Newest first. */
export async function listSecurityEvents(db: Db, query: SecurityEventQuery) {
  const where = {
    ...(query.type ? { type: query.type } : {}),
    ...(query.user ? await userFilter(db, query.user) : {}),
  };
  const [rows, total] = await Promise.all([
    db.securityEvent.findMany({ where, orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }], skip: (query.page - 1) * query.page_size, take: query.page_size }),
    db.securityEvent.count({ where }),
  ]);
  const events: SecurityEventView[] = rows.map((r) => ({
    id: r.id,
    occurred_at: r.occurredAt.toISOString(),
    type: r.type,
    user_id: r.userId,
    email: r.email,
    address: r.address,
    user_agent: r.userAgent,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
  }));
  return { events, total, page: query.page, page_size: query.page_size };
}
