'use client';

import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type Header, type RowData, type SortingState } from '@tanstack/react-table';
import { TableScrollArea } from './table-scroll-area';

declare module '@tanstack/react-table' {
  // The type parameters repeat the library's declaration, which this one merges with.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- declaration merging must name the library's type parameters, used or not
  interface ColumnMeta<TData extends RowData, TValue> {
    /** Classes added to the column's cells (say `font-mono`, or `text-right` for row actions). */
    cellClassName?: string;
    /**
     * Classes for the whole column, header and cells: `@max-5xl/table:hidden` leaves out a
     * column that only helps on a wide table (what it shows is in the details too).
     */
    columnClassName?: string;
  }
}

/**
 * The console's one table: it renders the rows it is given, one page at a time. Paging,
 * search and sorting happen on the server (TanStack's manual sorting): a sortable table
 * shows the order it was given (`sorting`, from the URL) and reports clicks on the
 * headers of columns with an accessor (`onSortingChange`); without it no header sorts.
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
    enableMultiSort: false,
    // A header's first click sorts A→Z (false before true); date columns say `sortDescFirst` to start newest first.
    sortDescFirst: false,
    onSortingChange: (updater) => onSortingChange?.(typeof updater === 'function' ? updater(sorting ?? []) : updater),
    getCoreRowModel: getCoreRowModel(),
    getRowId: rowId ? (row) => rowId(row) : undefined,
  });
  const current = sorting?.[0];
  const sortedBy = current && table.getAllLeafColumns().find((column) => column.id === current.id)?.columnDef.header;
  return (
    <TableScrollArea>
      {onSortingChange && current && typeof sortedBy === 'string' && (
        <p role="status" className="sr-only">
          Sorted by {sortedBy}, {current.desc ? 'descending' : 'ascending'}
        </p>
      )}
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:border-slate-800 dark:bg-slate-900/60">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => (
                <SortableHeader key={header.id} header={header} />
              ))}
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
                  <td
                    key={cell.id}
                    className={`px-4 py-3 align-top @max-4xl/table:px-2 ${cell.column.columnDef.meta?.cellClassName ?? ''} ${cell.column.columnDef.meta?.columnClassName ?? ''}`}
                  >
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

const ariaSort = { asc: 'ascending', desc: 'descending' } as const;

/**
 * A column header; a sortable one is a button named by the header's text that asks for
 * the other order (or, on another column, that column's first order), and its
 * `aria-sort` says how the rows are ordered now.
 */
function SortableHeader<T>({ header }: { header: Header<T, unknown> }) {
  const content = flexRender(header.column.columnDef.header, header.getContext());
  if (!header.column.getCanSort()) {
    return (
      <th scope="col" className={`px-4 py-3 @max-4xl/table:px-2 ${header.column.columnDef.meta?.columnClassName ?? ''}`}>
        {content}
      </th>
    );
  }
  const sorted = header.column.getIsSorted();
  return (
    <th scope="col" className="px-2 py-1.5 @max-4xl/table:px-0.5" aria-sort={sorted ? ariaSort[sorted] : 'none'}>
      <button
        type="button"
        onClick={header.column.getToggleSortingHandler()}
        className={`inline-flex items-center gap-1 rounded px-2 py-1.5 uppercase @max-4xl/table:px-1.5 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-slate-800 dark:hover:text-slate-100 ${sorted ? 'text-slate-900 dark:text-slate-100' : ''}`}
      >
        {content}
        <SortIcon sorted={sorted} />
      </button>
    </th>
  );
}

/** An arrow for the order (an icon, so the header's text stays the column's name). */
function SortIcon({ sorted }: { sorted: false | 'asc' | 'desc' }) {
  return (
    // In a narrow table (beside the details panel) only the sorted column shows its arrow.
    <svg aria-hidden viewBox="0 0 20 20" className={`h-3.5 w-3.5 ${sorted ? '' : 'opacity-40 @max-4xl/table:hidden'}`} fill="currentColor">
      {sorted !== 'desc' && <path d="M10 3l4 5H6l4-5Z" />}
      {sorted !== 'asc' && <path d="M10 17l-4-5h8l-4 5Z" />}
    </svg>
  );
}
