import { ScimError, LIST_RESPONSE_SCHEMA } from './scim-error';
import { MAX_RESULTS } from './scim-schemas';

/** `startIndex` (1-based) and `count` (RFC 7644 §3.4.2.4), `filter`, and which attributes to return (§3.4.2.5). */
export interface ListQuery {
  filter: string | null;
  skip: number;
  take: number;
  startIndex: number;
}

export function readListQuery(url: URL): ListQuery {
  const params = url.searchParams;
  // A startIndex below 1 is read as 1 and a negative count as 0 (§3.4.2.4); more than
  // MAX_RESULTS is answered with MAX_RESULTS, as ServiceProviderConfig says.
  const startIndex = Math.max(1, integer(params.get('startIndex'), 'startIndex') ?? 1);
  const count = Math.min(MAX_RESULTS, Math.max(0, integer(params.get('count'), 'count') ?? MAX_RESULTS));
  return { filter: params.get('filter'), skip: startIndex - 1, take: count, startIndex };
}

function integer(value: string | null, name: string): number | undefined {
  if (value === null || value === '') return undefined;
  if (!/^-?\d{1,9}$/.test(value)) throw new ScimError(400, `${name} must be an integer`, 'invalidValue');
  return Number(value);
}

export function listResponse(resources: Record<string, unknown>[], total: number, query: ListQuery) {
  return { schemas: [LIST_RESPONSE_SCHEMA], totalResults: total, startIndex: query.startIndex, itemsPerPage: resources.length, Resources: resources };
}

/**
 * `attributes` / `excludedAttributes` (§3.4.2.5) on top-level attributes; `schemas`, `id`
 * and `meta` are always returned. Entra ID asks for groups with excludedAttributes=members.
 */
export function selectAttributes<T extends Record<string, unknown>>(resource: T, url: URL): Partial<T> {
  const list = (name: string) =>
    url.searchParams
      .get(name)
      ?.split(',')
      .map((item) => item.trim().split(':').pop()!.split('.')[0]!.toLowerCase())
      .filter(Boolean);
  const only = list('attributes');
  const excluded = new Set(list('excludedAttributes') ?? []);
  const always = new Set(['schemas', 'id', 'meta']);
  return Object.fromEntries(
    Object.entries(resource).filter(([key]) => always.has(key) || ((!only || only.includes(key.toLowerCase())) && !excluded.has(key.toLowerCase()))),
  ) as Partial<T>;
}
