import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { containsText } from '@/lib/db/text-search';
import { pageNumber, pageSize, searchText } from '@/lib/db/list-query';
import { SECRET_HINTS, toClientResponse } from './client-response';
import { ServiceError } from '@/lib/errors/service-error';
import type { ClientResponse } from './client-schema';
import { OPERATOR_ACCESS, visibleClients, type ClientAccess } from './client-access';

export const CLIENT_SORTS = ['name', 'client_id', 'created_at'] as const;

/** Search, sorting and paging of the client list; shared by the console and GET /api/clients. */
export const clientListQuerySchema = z.object({
  q: searchText,
  organization_id: z.string().max(64).optional(),
  sort: z.enum(CLIENT_SORTS).default('created_at'),
  dir: z.enum(['asc', 'desc']).default('desc'),
  page: pageNumber,
  page_size: pageSize(20),
});
export type ClientListQuery = z.output<typeof clientListQuerySchema>;

export interface ClientPage {
  clients: ClientResponse[];
  total: number;
  page: number;
  page_size: number;
}

const orderColumn = { name: 'name', client_id: 'clientId', created_at: 'createdAt' } as const;

export function clientSearchFilter(q: string | undefined, organizationId?: string) {
  return {
    ...(organizationId ? { organizationId } : {}),
    ...(q ? { OR: [{ name: containsText(q) }, { clientId: containsText(q) }] } : {}),
  };
}

export async function listClients(db: Db, query: ClientListQuery): Promise<ClientPage> {
  const where = clientSearchFilter(query.q, query.organization_id);
  const [rows, total] = await Promise.all([
    db.oAuthClient.findMany({
      where,
      orderBy: [{ [orderColumn[query.sort]]: query.dir }, { clientId: 'asc' }],
      skip: (query.page - 1) * query.page_size,
      take: query.page_size,
      include: SECRET_HINTS,
    }),
    db.oAuthClient.count({ where }),
  ]);
  return { clients: rows.map(toClientResponse), total, page: query.page, page_size: query.page_size };
}

/** GET /api/clients: cursor paging, newest first, stable under inserts. */
export const clientCursorQuerySchema = z.strictObject({
  q: z
    .string()
    .trim()
    .max(200, 'Use at most 200 characters')
    .optional()
    .transform((q) => q || undefined),
  organization_id: z.string().min(1).max(64).optional(),
  limit: z.coerce.number({ error: 'Use a number from 1 to 100' }).int('Use a whole number').min(1, 'Use at least 1').max(100, 'Use at most 100').default(20),
  cursor: z.string().max(500).optional(),
});

interface Cursor {
  c: string;
  i: string;
}

function decodeCursor(raw: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
    if (typeof value.c === 'string' && typeof value.i === 'string' && !Number.isNaN(Date.parse(value.c))) return value;
  } catch {
    // fall through
  }
  throw new ServiceError('invalid_request', 'The cursor is not valid', [{ path: 'cursor', message: 'Use next_cursor from a previous page' }]);
}

/** An admin API key lists only the clients it registered (see client-access). */
export async function listClientsByCursor(db: Db, query: z.output<typeof clientCursorQuerySchema>, access: ClientAccess = OPERATOR_ACCESS) {
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await db.oAuthClient.findMany({
    where: {
      AND: [
        visibleClients(access),
        clientSearchFilter(query.q, query.organization_id),
        after ? { OR: [{ createdAt: { lt: new Date(after.c) } }, { createdAt: new Date(after.c), clientId: { gt: after.i } }] } : {},
      ],
    },
    orderBy: [{ createdAt: 'desc' }, { clientId: 'asc' }],
    take: query.limit + 1,
    include: SECRET_HINTS,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(toClientResponse),
    next_cursor: rows.length > query.limit && last ? Buffer.from(JSON.stringify({ c: last.createdAt.toISOString(), i: last.clientId })).toString('base64url') : null,
  };
}
