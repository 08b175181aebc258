'use client';

import type { ColumnDef } from '@tanstack/react-table';
import type { ClientResponse } from '@/lib/clients/client-schema';
import { GRANT_TYPE_LABELS } from '@/lib/clients/labels';
import { Badge } from '../badge';
import { CopyButton } from '../copy-button';
import { rowActionsColumn } from '../data-table-row-actions';
import { formatDate } from '../format-date';

export interface ClientRowActions {
  view: (client: ClientResponse) => void;
  edit: (client: ClientResponse) => void;
  remove: (client: ClientResponse) => void;
}

const iconButton =
  'rounded p-1.5 text-slate-500 @max-4xl/table:p-1 hover:bg-slate-100 hover:text-slate-900 disabled:cursor-not-allowed disabled:opacity-40 dark:hover:bg-slate-800 dark:hover:text-slate-100';

export function clientColumns(actions: ClientRowActions): ColumnDef<ClientResponse, unknown>[] {
  return [
    {
      id: 'name',
      header: 'Client',
      enableSorting: true,
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
      header: 'Client ID',
      enableSorting: true,
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
      cell: ({ row }) => (
        <span className="block text-xs text-slate-600 @max-4xl/table:min-w-24 @max-4xl/table:wrap-anywhere dark:text-slate-400">
          {row.original.registered_by ? <bdi>{row.original.registered_by}</bdi> : '—'}
        </span>
      ),
    },
    {
      id: 'created_at',
      header: 'Created',
      enableSorting: true,
      cell: ({ row }) => (
        <span className="text-xs whitespace-nowrap text-slate-600 @max-4xl/table:whitespace-normal dark:text-slate-400">{formatDate(row.original.created_at)}</span>
      ),
    },
    rowActionsColumn(
      (client) => (
        <span className="flex gap-1" onClick={(e) => e.stopPropagation()}>
          <button type="button" aria-label={`View ${client.name}`} title="View" className={iconButton} onClick={() => actions.view(client)}>
            <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
              <path d="M10 4C5 4 2 10 2 10s3 6 8 6 8-6 8-6-3-6-8-6Zm0 10a4 4 0 1 1 0-8 4 4 0 0 1 0 8Z" />
            </svg>
          </button>
          <button type="button" aria-label={`Edit ${client.name}`} title="Edit" className={iconButton} onClick={() => actions.edit(client)}>
            <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
              <path d="M14.7 2.3a1 1 0 0 1 1.4 0l1.6 1.6a1 1 0 0 1 0 1.4L7 16H4v-3L14.7 2.3Z" />
            </svg>
          </button>
          <button
            type="button"
            aria-label={`Delete ${client.name}`}
            title={client.is_default ? 'Default clients cannot be deleted' : 'Delete'}
            className={iconButton}
            disabled={client.is_default}
            onClick={() => actions.remove(client)}
          >
            <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
              <path d="M7 2h6l1 2h4v2H2V4h4l1-2Zm-3 6h12l-1 10H5L4 8Z" />
            </svg>
          </button>
        </span>
      ),
      '',
    ),
  ];
}
