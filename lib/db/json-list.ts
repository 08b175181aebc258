/**
 * Lists (a client's redirect URIs, grants and scopes; an API key's scopes and guardrails) are
 * stored as JSON string arrays, one text column each, the same on SQLite and PostgreSQL.
 */
export function toJsonList(values: readonly string[]): string {
  return JSON.stringify(values);
}

/** The strings of a stored list; anything else in the column is dropped. */
export function parseList(json: string): string[] {
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
