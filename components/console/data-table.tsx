'use client';

import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type RowData, type SortingState } from '@tanstack/react-table';
import { TableScrollArea } from './table-scroll-area';

declare module '@tanstack/react-table' {
  // The type parameters repeat the library's declaration, which this one merges with.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- declaration merging must name the library's type parameters, used or not
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Classes added to the column's cells (say `font-mono`, or `text-right` for row actions). */
    cellClassName?: string;
  }
}

/**
 * The console's one table: it renders the rows it is given, one page at a time. Paging,
 * search and sorting happen on the server: a sortable table reports clicks on its
 * sortable headers (`onSortingChange`); without it no header sorts.
 */
export function DataTable<T>({
  columns,
  data,
  sorting,
  onSortingChange,
  onRowClick,
  rowId,
  rowLabel,
  empty,
}: {
  columns: ColumnDef<T, unknown>[];
  data: T[];
  sorting?: SortingState;
  onSortingChange?: (sorting: SortingState) => void;
  onRowClick?: (row: T) => void;
  rowId?: (row: T) => string;
  /** The row's accessible name, so a row is found by what it shows first (`getByRole('row', { name })`). */
  rowLabel?: (row: T) => string;
  empty: React.ReactNode;
}) {
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table's instance is not memoisable; the React Compiler leaves this component as written
  const table = useReactTable({
    data,
    columns,
    state: { sorting: sorting ?? [] },
    enableSorting: !!onSortingChange,
    manualSorting: true,
    manualPagination: true,
    enableSortingRemoval: false,
    onSortingChange: (updater) => onSortingChange?.(typeof updater === 'function' ? updater(sorting ?? []) : updater),
    getCoreRowModel: getCoreRowModel(),
    getRowId: rowId ? (row) => rowId(row) : undefined,
  });
  return (
    <TableScrollArea>
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:border-slate-800 dark:bg-slate-900/60">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th key={header.id} scope="col" className="px-4 py-3 @max-4xl/table:px-2" aria-sort={sorted ? (sorted === 'asc' ? 'ascending' : 'descending') : undefined}>
                    {header.column.getCanSort() ? (
                      <button
                        type="button"
                        onClick={header.column.getToggleSortingHandler()}
                        className="inline-flex items-center gap-1 uppercase hover:text-slate-900 dark:hover:text-slate-100"
                      >
                        {flexRender(header.column.columnDef.header, header.getContext())}
                        <span aria-hidden>{sorted === 'asc' ? '↑' : sorted === 'desc' ? '↓' : '↕'}</span>
                      </button>
                    ) : (
                      flexRender(header.column.columnDef.header, header.getContext())
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {table.getRowModel().rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="px-4 py-12 text-center text-slate-500">
                {empty}
              </td>
            </tr>
          ) : (
            table.getRowModel().rows.map((row) => (
              <tr
                key={row.id}
                aria-label={rowLabel?.(row.original)}
                onClick={onRowClick ? () => onRowClick(row.original) : undefined}
                className={onRowClick ? 'cursor-pointer hover:bg-slate-50 dark:hover:bg-slate-800/50' : undefined}
              >
                {row.getVisibleCells().map((cell) => (
                  <td key={cell.id} className={`px-4 py-3 align-top @max-4xl/table:px-2 ${cell.column.columnDef.meta?.cellClassName ?? ''}`}>
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </TableScrollArea>
  );
}
