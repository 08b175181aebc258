'use client';

import type { SortingState } from '@tanstack/react-table';
import { useQueryNavigation } from './use-query-navigation';

/**
 * A list's order as the DataTable wants it, from and to the URL's `?sort=&order=`: a
 * click on a header asks the server for that order, from the first page, keeping the
 * search and filters.
 */
export function useUrlSorting(query: { sort: string; order: 'asc' | 'desc' }) {
  const { navigate } = useQueryNavigation();
  return {
    sorting: [{ id: query.sort, desc: query.order === 'desc' }] satisfies SortingState,
    onSortingChange: (sorting: SortingState) => {
      const [first] = sorting;
      if (first) navigate({ sort: first.id, order: first.desc ? 'desc' : 'asc', page: undefined });
    },
  };
}
