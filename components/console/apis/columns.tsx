'use client';

import type { ColumnDef } from '@tanstack/react-table';
import type { ResourceResponse } from '@/lib/resources/resource-schema';
import { Badge } from '../badge';
import { Button } from '../button';
import { rowActionsColumn } from '../data-table-row-actions';

export interface ApiRowActions {
  manageScopes: (api: ResourceResponse) => void;
  remove: (api: ResourceResponse) => void;
}

export function apiColumns(actions: ApiRowActions): ColumnDef<ResourceResponse, unknown>[] {
  return [
    {
      id: 'name',
      header: 'API',
      cell: ({ row: { original: api } }) => (
        <>
          <bdi>{api.name}</bdi> {api.protected && <Badge>Built-in</Badge>}
        </>
      ),
    },
    { id: 'identifier', header: 'Identifier', meta: { cellClassName: 'font-mono' }, cell: ({ row }) => row.original.identifier },
    {
      id: 'tokens',
      header: 'Access tokens',
      cell: ({ row: { original: api } }) => (api.protected ? "The client's format" : `${api.access_token_format === 'jwt' ? 'JWT' : 'Opaque'}, ${api.access_token_lifetime} s`),
    },
    { id: 'scopes', header: 'Scopes', meta: { cellClassName: 'font-mono' }, cell: ({ row }) => row.original.scopes.map((scope) => scope.name).join(' ') || '—' },
    rowActionsColumn((api) => (
      <>
        <Button variant="ghost" onClick={() => actions.manageScopes(api)} aria-label={`Scopes of ${api.name}`}>
          Scopes
        </Button>
        <Button
          variant="ghost"
          disabled={api.protected}
          title={api.protected ? "Thalamus's own API cannot be deleted" : undefined}
          aria-label={`Delete ${api.name}`}
          onClick={() => actions.remove(api)}
        >
          Delete
        </Button>
      </>
    )),
  ];
}
