'use client';

import type { ColumnDef } from '@tanstack/react-table';
import type { ClientResponse } from '@/lib/clients/client-schema';
import { GRANT_TYPE_LABELS } from '@/lib/clients/labels';
import { Badge } from '../badge';
import { CopyButton } from '../copy-button';
import { rowActionsColumn } from '../data-table-row-actions';
import { formatDate } from '../format-date';
import { ClientRowActions, type ClientRowActionHandlers } from './client-row-actions';

export function clientColumns(actions: ClientRowActionHandlers): ColumnDef<ClientResponse, unknown>[] {
  return [
    {
      id: 'name',
      header: 'Client',
      enableSorting: true,
      cell: ({ row }) => (
        <div className="min-w-40">
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
      header: 'Client ID',
      enableSorting: true,
      cell: ({ row }) => (
        <span className="flex items-center gap-1 font-mono text-xs">
          {row.original.client_id}
          <CopyButton value={row.original.client_id} label="Copy Client ID" />
        </span>
      ),
    },
    {
      id: 'grant_types',
      header: 'Grant Types',
      enableSorting: false,
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
      header: 'Status',
      enableSorting: false,
      cell: ({ row }) => (row.original.enabled ? <Badge tone="green">Enabled</Badge> : <Badge tone="red">Disabled</Badge>),
    },
    {
      id: 'registered_by',
      header: 'Registered by',
      enableSorting: false,
      cell: ({ row }) => <span className="text-xs text-slate-600 dark:text-slate-400">{row.original.registered_by ? <bdi>{row.original.registered_by}</bdi> : '—'}</span>,
    },
    {
      id: 'created_at',
      header: 'Created',
      enableSorting: true,
      cell: ({ row }) => <span className="text-xs whitespace-nowrap text-slate-600 dark:text-slate-400">{formatDate(row.original.created_at)}</span>,
    },
    rowActionsColumn((client) => <ClientRowActions client={client} actions={actions} />, ''),
  ];
}
