import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { sortFields } from '@/lib/db/list-query';
import { toApiKeyResponse } from './api-keys';
import type { ApiKeyResponse } from './api-key-schema';

/** What the key list can be ordered by (the console's sortable headers). */
export const API_KEY_SORTS = ['name', 'created_at', 'last_used_at', 'expires_at'] as const;
const orderColumn = { name: 'name', created_at: 'createdAt', last_used_at: 'lastUsedAt', expires_at: 'expiresAt' } as const;

export const API_KEY_STATUSES = ['active', 'expired', 'revoked'] as const;

/** `?status=&sort=&order=`: the console's key list (there are few keys, so one page). */
export const apiKeyListQuerySchema = z.object({
  status: z.enum(API_KEY_STATUSES).optional(),
  ...sortFields(API_KEY_SORTS, { sort: 'created_at', order: 'desc' }),
});
export type ApiKeyListQuery = z.output<typeof apiKeyListQuerySchema>;

function statusFilter(status: ApiKeyListQuery['status'], now: Date) {
  if (status === 'revoked') return { revokedAt: { not: null } };
  if (status === 'expired') return { revokedAt: null, expiresAt: { lte: now } };
  if (status === 'active') return { revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
  return {};
}

/**
 * The keys in the order asked for, newest first by default. A key never used (or that
 * never expires) has no date and comes last either way, as "Never" reads after a date.
 */
export async function listApiKeys(db: Db, query: ApiKeyListQuery = apiKeyListQuerySchema.parse({})): Promise<ApiKeyResponse[]> {
  const column = orderColumn[query.sort];
  const nullable = column === 'lastUsedAt' || column === 'expiresAt';
  const rows = await db.apiKey.findMany({
    where: statusFilter(query.status, new Date()),
    orderBy: [{ [column]: nullable ? { sort: query.order, nulls: 'last' } : query.order }, { id: 'asc' }],
  });
  return rows.map(toApiKeyResponse);
}
