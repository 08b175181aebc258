import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import type { Prisma } from '@/lib/db/generated/sqlite/client';
import { containsText } from '@/lib/db/text-search';
import { pageNumber, pageSize, searchText, sortFields, yesOrNo, type SortOrder } from '@/lib/db/list-query';
import { SECRET_HINTS, toClientResponse } from './client-response';
import { ServiceError } from '@/lib/errors/service-error';
import type { ClientResponse } from './client-schema';
import { OPERATOR_ACCESS, visibleClients, type ClientAccess } from './client-access';
import { clientFacetFields, type ClientFacetFilters } from './client-facet-fields';
import { clientFacetFilter, countClientFacets, type ClientFacetCounts } from './client-facets';

/** What the client list can be ordered by: the console's sortable headers and GET /api/clients?sort=. */
export const CLIENT_SORTS = ['name', 'client_id', 'status', 'created_at'] as const;
export type ClientSort = (typeof CLIENT_SORTS)[number];

/** The columns behind each sort; `status` orders disabled clients before enabled ones when ascending. */
const orderColumn = { name: 'name', client_id: 'clientId', status: 'enabled', created_at: 'createdAt' } as const;

/** Search, filters (client-facets.ts) and order, the same for the console's list and the admin API's. */
const clientListFields = {
  q: searchText,
  ...clientFacetFields,
  is_default: yesOrNo.meta({ description: 'true: only the default clients Thalamus provisions; false: only the others' }),
  ...sortFields(CLIENT_SORTS, { sort: 'created_at', order: 'desc' }),
};

/** The console's client list: `?q=&grant_type=&status=&client_kind=&organization_id=&owner=&not_used_days=&is_default=&sort=&order=&page=&page_size=`. */
export const clientListQuerySchema = z.object({ ...clientListFields, page: pageNumber, page_size: pageSize(20) });
export type ClientListQuery = z.output<typeof clientListQuerySchema>;

export interface ClientPage {
  clients: ClientResponse[];
  total: number;
  page: number;
  page_size: number;
}

type SearchFilters = Pick<ClientListQuery, 'q' | 'is_default'>;

/** The search box and the "Default clients" filter: what the facets' counts start from. */
export function clientSearchFilter({ q, is_default }: SearchFilters): Prisma.OAuthClientWhereInput {
  return {
    ...(is_default !== undefined ? { isDefault: is_default } : {}),
    ...(q ? { OR: [{ name: containsText(q) }, { clientId: containsText(q) }] } : {}),
  };
}

/** Everything the list is narrowed by: the caller's reach, the search and every facet chosen. */
export function clientListFilter(query: SearchFilters & ClientFacetFilters, access: ClientAccess = OPERATOR_ACCESS, now = new Date()): Prisma.OAuthClientWhereInput {
  return { AND: [visibleClients(access), clientSearchFilter(query), ...clientFacetFilter(query, now)] };
}

/** Each facet option's count for this search (client-facets.ts says how counts combine). */
export function listClientFacets(db: Db, query: SearchFilters & ClientFacetFilters, access: ClientAccess = OPERATOR_ACCESS, now = new Date()): Promise<ClientFacetCounts> {
  return countClientFacets(db, { AND: [visibleClients(access), clientSearchFilter(query)] }, query, now);
}

/** Ties (two clients of one name) are broken by client ID, so every page has one order. */
function clientOrder(sort: ClientSort, order: SortOrder) {
  return sort === 'client_id' ? [{ clientId: order }] : [{ [orderColumn[sort]]: order }, { clientId: 'asc' as const }];
}

export async function listClients(db: Db, query: ClientListQuery): Promise<ClientPage> {
  const where = clientListFilter(query);
  const [rows, total] = await Promise.all([
    db.oAuthClient.findMany({
      where,
      orderBy: clientOrder(query.sort, query.order),
      skip: (query.page - 1) * query.page_size,
      take: query.page_size,
      include: SECRET_HINTS,
    }),
    db.oAuthClient.count({ where }),
  ]);
  return { clients: rows.map(toClientResponse), total, page: query.page, page_size: query.page_size };
}

/** GET /api/clients: cursor paging in the order asked for (newest first by default), stable under inserts. */
export const clientCursorQuerySchema = z.strictObject({
  ...clientListFields,
  limit: z.coerce.number({ error: 'Use a number from 1 to 100' }).int('Use a whole number').min(1, 'Use at least 1').max(100, 'Use at most 100').default(20),
  cursor: z.string().max(500).optional(),
  include: z.enum(['facets'], { error: 'Use facets' }).optional().meta({ description: 'facets: also answer how many clients each filter option would list, in `facets`' }),
});
export type ClientCursorQuery = z.output<typeof clientCursorQuerySchema>;

/** Where the previous page ended: the sort it was in, the last row's sort value and its client ID. */
const cursorSchema = z.object({ s: z.enum(CLIENT_SORTS), o: z.enum(['asc', 'desc']), v: z.union([z.string(), z.boolean()]), i: z.string() });
type Cursor = z.output<typeof cursorSchema>;

function decodeCursor(raw: string, query: ClientCursorQuery): Cursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const cursor = cursorSchema.safeParse(value);
  if (cursor.success && cursor.data.s === query.sort && cursor.data.o === query.order && valueFits(cursor.data)) return cursor.data;
  throw new ServiceError('invalid_request', 'The cursor is not valid', [{ path: 'cursor', message: 'Use next_cursor from a previous page, with the same sort and order' }]);
}

function valueFits({ s, v }: Cursor) {
  if (s === 'status') return typeof v === 'boolean';
  return typeof v === 'string' && (s !== 'created_at' || !Number.isNaN(Date.parse(v)));
}

function encodeCursor(query: ClientCursorQuery, last: { name: string; clientId: string; enabled: boolean; createdAt: Date }) {
  const v = { name: last.name, client_id: last.clientId, status: last.enabled, created_at: last.createdAt.toISOString() }[query.sort];
  return Buffer.from(JSON.stringify({ s: query.sort, o: query.order, v, i: last.clientId } satisfies Cursor)).toString('base64url');
}

/** The rows after the cursor in the list's order: a later sort value, or the same one and a later client ID. */
function afterCursor({ s, o, v, i }: Cursor): Prisma.OAuthClientWhereInput {
  const beyond = o === 'asc' ? 'gt' : 'lt';
  if (typeof v === 'boolean') {
    // false sorts before true: ascending, the rows after `false` are the rest of `false` and every `true`.
    const later = o === 'asc' ? !v : v;
    return { OR: [{ enabled: v, clientId: { gt: i } }, ...(later ? [{ enabled: !v }] : [])] };
  }
  if (s === 'client_id') return { clientId: { [beyond]: v } };
  const value = s === 'created_at' ? new Date(v) : v;
  const column = orderColumn[s];
  return { OR: [{ [column]: { [beyond]: value } }, { [column]: value, clientId: { gt: i } }] };
}

/** An admin API key lists only the clients it registered (see client-access). */
export async function listClientsByCursor(db: Db, query: ClientCursorQuery, access: ClientAccess = OPERATOR_ACCESS) {
  const after = query.cursor ? decodeCursor(query.cursor, query) : undefined;
  const now = new Date();
  const [rows, facets] = await Promise.all([
    db.oAuthClient.findMany({
      where: { AND: [clientListFilter(query, access, now), after ? afterCursor(after) : {}] },
      orderBy: clientOrder(query.sort, query.order),
      take: query.limit + 1,
      include: SECRET_HINTS,
    }),
    query.include === 'facets' ? listClientFacets(db, query, access, now) : undefined,
  ]);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    data: page.map(toClientResponse),
    next_cursor: rows.length > query.limit && last ? encodeCursor(query, last) : null,
    ...(facets ? { facets } : {}),
  };
}
