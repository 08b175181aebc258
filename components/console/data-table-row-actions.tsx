import type { ColumnDef } from '@tanstack/react-table';
import type { ReactNode } from 'react';

/** The last column of a table: a row's buttons, under a header only screen readers read ("Actions"). */
export function rowActionsColumn<T>(render: (row: T) => ReactNode, cellClassName = 'text-right whitespace-nowrap'): ColumnDef<T, unknown> {
  return {
    id: 'actions',
    header: () => <span className="sr-only">Actions</span>,
    enableSorting: false,
    meta: { cellClassName },
    cell: ({ row }) => render(row.original),
  };
}
