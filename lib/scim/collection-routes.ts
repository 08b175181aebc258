import type { Db } from '@/lib/db/client';
import { listResponse, readListQuery, selectAttributes, type ListQuery } from './list-query';
import { readScimBody } from './read-scim-body';
import { scimJson } from './scim-error';
import { withDirectoryToken, type DirectoryContext } from './with-directory-token';

/**
 * The two routes of a SCIM resource collection (/Users, /Groups): GET lists with
 * `filter`, `startIndex`, `count` and `attributes` (RFC 7644 §3.4.2), POST creates and
 * answers 201 with the resource and its Location (§3.3).
 */
export function collectionRoutes<R extends { meta: { location: string } }>(resource: {
  list: (db: Db, query: ListQuery) => Promise<{ total: number; resources: R[] }>;
  create: (db: Db, caller: DirectoryContext<Record<string, never>>, body: Record<string, unknown>) => Promise<R>;
}) {
  return {
    GET: withDirectoryToken('directory:read', async (request, { db }) => {
      const url = new URL(request.url);
      const query = readListQuery(url);
      const { total, resources } = await resource.list(db, query);
      return scimJson(
        listResponse(
          resources.map((item) => selectAttributes(item, url)),
          total,
          query,
        ),
      );
    }),
    POST: withDirectoryToken('directory:write', async (request, context) => {
      const created = await resource.create(context.db, context, await readScimBody(request));
      return scimJson(created, 201, { Location: created.meta.location });
    }),
  };
}
