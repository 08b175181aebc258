import { databaseTarget } from './database-url';

/**
 * Search boxes match what was typed, letter for letter, ignoring case.
 *
 * Prisma turns `contains` and `startsWith` into SQL LIKE and passes the term through
 * as it is (prisma/prisma#19506: "doesn't escape SQL characters"), so a `_` or `%` in a
 * search is a wildcard and `q=_` lists every row. We escape the term with a backslash:
 * PostgreSQL's LIKE and ILIKE take `\` as their escape character by default. SQLite's
 * LIKE has none unless the query says ESCAPE, which Prisma never writes, so our SQLite
 * connections read `\` the same way (sqlite-like.ts). Checked on Prisma 7.10: without
 * this `contains: "a_b"` matched "axb" on both databases, and `contains: "a\\_b"` matched
 * a literal "a_b" only on PostgreSQL.
 */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** PostgreSQL compares case-sensitively unless asked; SQLite's LIKE ignores case already. */
function ignoringCase() {
  return databaseTarget().provider === 'postgresql' ? { mode: 'insensitive' as const } : {};
}

/** A Prisma string filter: the column holds `term` somewhere. */
export function containsText(term: string) {
  return { contains: escapeLike(term), ...ignoringCase() };
}

/** A Prisma string filter: the column begins with `term`. */
export function startsWithText(term: string) {
  return { startsWith: escapeLike(term), ...ignoringCase() };
}
