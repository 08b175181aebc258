import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { containsText } from '@/lib/db/text-search';
import { ServiceError } from '@/lib/errors/service-error';
import { lockedUntil } from './account-lock';
import { toUserResponse } from './user-response';
import type { UserCursorQuery } from './list-users';

/** Where the previous page ended: the last row's creation time and ID (the list's order: newest first, then by ID). */
const cursorSchema = z.object({ c: z.iso.datetime(), i: z.string().min(1) });

function decodeCursor(raw: string) {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const cursor = cursorSchema.safeParse(value);
  if (cursor.success) return { createdAt: new Date(cursor.data.c), id: cursor.data.i };
  throw new ServiceError('invalid_request', 'The cursor is not valid', [{ path: 'cursor', message: 'Use next_cursor from a previous page' }]);
}

/** GET /api/users: newest first, `limit` a page, `next_cursor` until the last page (null then). */
export async function listUsersByCursor(db: Db, query: UserCursorQuery) {
  const after = query.cursor ? decodeCursor(query.cursor) : undefined;
  const rows = await db.user.findMany({
    where: {
      AND: [
        query.role ? { role: query.role } : {},
        query.q ? { OR: [{ email: containsText(query.q) }, { name: containsText(query.q) }] } : {},
        after ? { OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }] } : {},
      ],
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const locks = await lockedUntil(db, page);
  const last = page.at(-1);
  return {
    data: page.map((user) => toUserResponse(user, locks.get(user.id))),
    next_cursor: rows.length > query.limit && last ? Buffer.from(JSON.stringify({ c: last.createdAt.toISOString(), i: last.id })).toString('base64url') : null,
  };
}
