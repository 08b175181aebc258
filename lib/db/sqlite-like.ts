import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import type { SqlDriverAdapter } from '@prisma/driver-adapter-utils';
import { cachingPrepare } from './sqlite-statement-cache.ts';

/**
 * SQLite connections whose LIKE reads `\` as its escape character, as PostgreSQL's does,
 * so one escaped search term (text-search.ts) means the same on both databases.
 *
 * SQLite's LIKE has no escape character unless the statement says ESCAPE
 * (https://www.sqlite.org/lang_expr.html#like), and Prisma never says it: it writes
 * `col LIKE ('%' || ? || '%')` for contains, `LIKE (? || '%')` for startsWith and
 * `LIKE ('%' || ?)` for endsWith. We add `ESCAPE '\'` to exactly those shapes as the
 * statements are prepared. The searched term is always the bound `?`, never SQL text.
 * (Replacing SQLite's like() with a JavaScript function would do the same, but calls into
 * JavaScript for every row: twice the time of a search over 10,000 clients.)
 * lib/db/text-search.test.ts fails if Prisma ever writes LIKE differently.
 * The prepared statements are kept for reuse (sqlite-statement-cache.ts).
 */
export class PrismaBetterSqlite3WithLikeEscape extends PrismaBetterSqlite3 {
  override async connect(): Promise<SqlDriverAdapter> {
    const adapter = await super.connect();
    // The adapter keeps its better-sqlite3 connection as `client` and prepares every statement on it.
    const connection = (adapter as unknown as { client?: { prepare?: (sql: string) => unknown } }).client;
    if (typeof connection?.prepare !== 'function') throw new Error('@prisma/adapter-better-sqlite3 no longer exposes its connection: searches could not escape LIKE');
    const prepare = connection.prepare.bind(connection) as Parameters<typeof cachingPrepare>[0];
    connection.prepare = cachingPrepare((sql) => prepare(withLikeEscape(sql)));
    return adapter;
  }
}

const PRISMA_LIKE = /\bLIKE (\((?:'%' \|\| )?\?(?: \|\| '%')?\))(?! ESCAPE)/g;

/** Prisma's LIKE operands with `ESCAPE '\'` added; any other SQL unchanged. */
export function withLikeEscape(sql: string): string {
  return sql.includes('LIKE (') ? sql.replace(PRISMA_LIKE, "LIKE $1 ESCAPE '\\'") : sql;
}
