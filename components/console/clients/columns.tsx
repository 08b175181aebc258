'use client';

import type { ColumnDef } from '@tanstack/react-table';
import type { ClientResponse } from '@/lib/clients/client-schema';
import { GRANT_TYPE_LABELS } from '@/lib/clients/labels';
import { Badge } from '../badge';
import { CopyButton } from '../copy-button';
import { rowActionsColumn } from '../data-table-row-actions';
import { formatDate } from '../format-date';
import { ClientRowActions, type ClientRowActionHandlers } from './client-row-actions';

/**
 * A column with an accessor is sortable (the list sorts on the server, by the column's
 * id: lib/clients/list-clients.ts CLIENT_SORTS); the others are not.
 */
export function clientColumns(actions: ClientRowActionHandlers): ColumnDef<ClientResponse, unknown>[] {
  return [
    {
      id: 'name',
      accessorKey: 'name',
      header: 'Client',
      cell: ({ row }) => (
        <div className="min-w-40 @max-4xl/table:min-w-28">
          <p className="font-medium">
            <bdi>{row.original.name}</bdi> {row.original.is_default && <Badge tone="amber">Default</Badge>}
          </p>
          {row.original.description && (
            <p className="line-clamp-1 text-xs text-slate-500">
              <bdi>{row.original.description}</bdi>
            </p>
          )}
        </div>
      ),
    },
    {
      id: 'client_id',
      accessorKey: 'client_id',
      header: 'Client ID',
      cell: ({ row }) => (
        <span className="flex items-center gap-1 font-mono text-xs">
          <span className="@max-4xl/table:min-w-[11ch] @max-4xl/table:break-all">{row.original.client_id}</span>
          <CopyButton value={row.original.client_id} label="Copy Client ID" />
        </span>
      ),
    },
    {
      id: 'grant_types',
      header: 'Grant Types',
      cell: ({ row }) => (
        <span className="flex flex-wrap gap-1">
          {row.original.grant_types.map((g) => (
            <Badge key={g} tone="indigo">
              {GRANT_TYPE_LABELS[g]}
            </Badge>
          ))}
        </span>
      ),
    },
    {
      id: 'status',
      accessorKey: 'enabled',
      header: 'Status',
      cell: ({ row }) => (row.original.enabled ? <Badge tone="green">Enabled</Badge> : <Badge tone="red">Disabled</Badge>),
    },
    {
      id: 'registered_by',
      header: 'Registered by',
      cell: ({ row }) => (
        <span className="block text-xs text-slate-600 @max-4xl/table:min-w-24 @max-4xl/table:wrap-anywhere dark:text-slate-400">
          {row.original.registered_by ? <bdi>{row.original.registered_by}</bdi> : '—'}
        </span>
      ),
    },
    {
      id: 'last_used_at',
      header: 'Last used',
      enableSorting: false,
      // Beside the details panel the list keeps its other columns; the panel shows it.
      meta: { columnClassName: '@max-5xl/table:hidden' },
      cell: ({ row }) => (
        <span className="text-xs whitespace-nowrap text-slate-600 @max-4xl/table:whitespace-normal dark:text-slate-400">
          {row.original.last_used_at ? formatDate(row.original.last_used_at) : 'Never'}
        </span>
      ),
    },
    {
      id: 'created_at',
      accessorKey: 'created_at',
      header: 'Created',
      sortDescFirst: true,
      cell: ({ row }) => (
        <span className="text-xs whitespace-nowrap text-slate-600 @max-4xl/table:whitespace-normal dark:text-slate-400">{formatDate(row.original.created_at)}</span>
      ),
    },
    rowActionsColumn((client) => <ClientRowActions client={client} actions={actions} />, ''),
  ];
}
