import { z } from 'zod';

/**
 * The query fields every list shares (the console's search box, sortable headers and
 * pager, and the admin API's `?q=&sort=&order=`): one definition, so every list trims,
 * bounds, sorts and pages the same way.
 */
export const searchText = z
  .string()
  .trim()
  .max(200, 'Use at most 200 characters')
  .optional()
  .transform((q) => q || undefined);

export const pageNumber = z.coerce.number().int().min(1).max(100_000).default(1);

/** At most 100 rows a page; each list picks its own default. */
export function pageSize(defaultSize: number) {
  return z.coerce.number().int().min(1).max(100).default(defaultSize);
}

export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];

/**
 * `?sort=<column>&order=asc|desc`: the columns a list can be ordered by and the order it
 * has when the URL names none. Each list maps the names to its own database columns.
 */
export function sortFields<const S extends readonly [string, ...string[]]>(sorts: S, defaults: { sort: S[number]; order: SortOrder }) {
  return {
    sort: z
      .enum(sorts, { error: `Sort by one of ${sorts.join(', ')}` })
      .default(defaults.sort as never)
      .meta({ description: `The column to order by: ${sorts.join(', ')} (default ${defaults.sort})` }),
    order: z
      .enum(SORT_ORDERS, { error: 'Use asc or desc' })
      .default(defaults.order)
      .meta({ description: `asc or desc (default ${defaults.order})` }),
  };
}

/** `?is_default=true|false`: a yes-or-no filter; absent means both. */
export const yesOrNo = z
  .enum(['true', 'false'], { error: 'Use true or false' })
  .optional()
  .transform((value) => (value === undefined ? undefined : value === 'true'));

/**
 * A console list's query from the page's search parameters. The URL is the admin's to
 * edit, so a value the schema refuses (`?sort=colour`, `?page=-1`) falls back to its
 * default rather than failing the page; the other parameters still apply. A parameter
 * given twice counts once (the first), and an empty one as absent.
 */
export function parseListQuery<T extends z.ZodObject>(schema: T, params: Record<string, string | string[] | undefined>): z.output<T> {
  const input: Record<string, string> = {};
  for (const key of Object.keys(schema.shape)) {
    const raw = params[key];
    const value = Array.isArray(raw) ? raw[0] : raw;
    if (value) input[key] = value;
  }
  for (;;) {
    const parsed = schema.safeParse(input);
    if (parsed.success) return parsed.data;
    const refused = new Set(parsed.error.issues.map((issue) => String(issue.path[0])));
    // Every field has a default or is optional, so dropping what was refused always ends.
    if (![...refused].some((key) => key in input)) throw parsed.error;
    for (const key of refused) delete input[key];
  }
}
