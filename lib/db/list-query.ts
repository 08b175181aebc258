import { z } from 'zod';

/**
 * The query fields every list shares (the console's search box and pager, and the admin
 * API's `?q=&page=&page_size=`): one definition, so every list trims, bounds and pages
 * the same way.
 */
export const searchText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((q) => q || undefined);

export const pageNumber = z.coerce.number().int().min(1).max(100_000).default(1);

/** At most 100 rows a page; each list picks its own default. */
export function pageSize(defaultSize: number) {
  return z.coerce.number().int().min(1).max(100).default(defaultSize);
}
