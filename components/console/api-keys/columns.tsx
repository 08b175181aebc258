'use client';

import type { ColumnDef } from '@tanstack/react-table';
import type { ApiKeyResponse } from '@/lib/api-keys/api-key-schema';
import { Badge } from '../badge';
import { Button } from '../button';
import { rowActionsColumn } from '../data-table-row-actions';
import { formatDate } from '../format-date';
import { NameCell } from '../name-cell';
import { GuardrailSummary } from './guardrail-summary';

export interface ApiKeyRowActions {
  /** Only super admins edit and revoke keys; others see the list without the buttons. */
  canManage: boolean;
  editGuardrails: (key: ApiKeyResponse) => void;
  revoke: (key: ApiKeyResponse) => void;
}

const dateCell = { cellClassName: 'text-xs whitespace-nowrap' };

function status(key: ApiKeyResponse) {
  if (key.revoked_at) return <Badge tone="red">Revoked</Badge>;
  if (key.expires_at && new Date(key.expires_at) < new Date()) return <Badge tone="amber">Expired</Badge>;
  return <Badge tone="green">Active</Badge>;
}

/** Columns with an accessor are sortable, on the server, by the column's id (lib/api-keys/list-api-keys.ts API_KEY_SORTS). */
export function apiKeyColumns(organizations: { id: string; name: string }[], actions: ApiKeyRowActions): ColumnDef<ApiKeyResponse, unknown>[] {
  return [
    { id: 'name', accessorKey: 'name', header: 'Name', cell: ({ row }) => <NameCell name={row.original.name} detail={row.original.description} /> },
    { id: 'key', header: 'Key', meta: { cellClassName: 'font-mono text-xs' }, cell: ({ row }) => row.original.hint },
    {
      id: 'scopes',
      header: 'Scopes',
      cell: ({ row }) => (
        <span className="flex flex-wrap gap-1">
          {row.original.scopes.map((s) => (
            <Badge key={s}>{s}</Badge>
          ))}
        </span>
      ),
    },
    { id: 'guardrails', header: 'Guardrails', cell: ({ row }) => <GuardrailSummary apiKey={row.original} organizations={organizations} /> },
    { id: 'created_at', accessorKey: 'created_at', header: 'Created', sortDescFirst: true, meta: dateCell, cell: ({ row }) => formatDate(row.original.created_at) },
    {
      id: 'last_used_at',
      accessorKey: 'last_used_at',
      header: 'Last used',
      sortDescFirst: true,
      meta: dateCell,
      cell: ({ row }) => (row.original.last_used_at ? formatDate(row.original.last_used_at) : 'Never'),
    },
    {
      id: 'expires_at',
      accessorKey: 'expires_at',
      header: 'Expires',
      meta: dateCell,
      cell: ({ row }) => (row.original.expires_at ? formatDate(row.original.expires_at) : 'Never'),
    },
    { id: 'status', header: 'Status', cell: ({ row }) => status(row.original) },
    rowActionsColumn((key) =>
      actions.canManage && !key.revoked_at ? (
        <>
          <Button variant="ghost" aria-label={`Edit guardrails of ${key.name}`} onClick={() => actions.editGuardrails(key)}>
            Edit guardrails
          </Button>
          <Button variant="ghost" aria-label={`Revoke ${key.name}`} onClick={() => actions.revoke(key)}>
            Revoke
          </Button>
        </>
      ) : null,
    ),
  ];
}
