/**
 * Prepared statements reused across queries on one SQLite connection.
 *
 * @prisma/adapter-better-sqlite3 prepares every statement afresh (`prepare(sql).bind(args)`),
 * so SQLite parses and plans the same few dozen statements on every request: that was
 * ~3 ms of CPU per sign-in (profiled, better-sqlite3's `prepare`). Prisma's SQL text is
 * parameterised, so a statement prepared once serves every later query of the same text;
 * only the bound values differ. A better-sqlite3 statement can be bound only once, so the
 * cache hands out views that pass the values with each call instead.
 */
interface Statement {
  readonly reader: boolean;
  run(...params: unknown[]): unknown;
  columns(): unknown[];
  raw(toggle?: boolean): { all(...params: unknown[]): unknown[] };
}

/** Enough for every statement Thalamus makes; varying `IN (?, ?, …)` lists are why there is a bound at all. */
const MAX_STATEMENTS = 500;

/** A statement with its values, shaped like the bound better-sqlite3 statement the adapter expects. */
class BoundStatement {
  constructor(
    private readonly statement: Statement,
    private readonly params: unknown[],
  ) {}
  get reader(): boolean {
    return this.statement.reader;
  }
  bind(...params: unknown[]): BoundStatement {
    return new BoundStatement(this.statement, params);
  }
  run(): unknown {
    return this.statement.run(...this.params);
  }
  columns(): unknown[] {
    return this.statement.columns();
  }
  raw(): { all(): unknown[] } {
    return { all: () => this.statement.raw(true).all(...this.params) };
  }
}

/** `prepare` with a cache in front of it, for one connection. */
export function cachingPrepare(prepare: (sql: string) => Statement): (sql: string) => BoundStatement {
  const statements = new Map<string, Statement>();
  return (sql: string) => {
    let statement = statements.get(sql);
    if (!statement) {
      statement = prepare(sql);
      if (statements.size >= MAX_STATEMENTS) statements.delete(statements.keys().next().value!);
      statements.set(sql, statement);
    }
    return new BoundStatement(statement, []);
  };
}
