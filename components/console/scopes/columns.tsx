'use client';

import type { ColumnDef } from '@tanstack/react-table';
import { Badge } from '../badge';
import { Button } from '../button';
import { rowActionsColumn } from '../data-table-row-actions';

export interface ScopeRow {
  name: string;
  description: string;
  builtIn: boolean;
}

export interface ScopeRowActions {
  edit: (scope: ScopeRow) => void;
  remove: (scope: ScopeRow) => void;
}

export function scopeColumns(actions: ScopeRowActions): ColumnDef<ScopeRow, unknown>[] {
  return [
    {
      id: 'name',
      header: 'Scope',
      meta: { cellClassName: 'font-mono' },
      cell: ({ row: { original: scope } }) => (
        <>
          {scope.name} {scope.builtIn && <Badge>Built-in</Badge>}
        </>
      ),
    },
    { id: 'description', header: 'Description', cell: ({ row }) => <bdi>{row.original.description}</bdi> },
    rowActionsColumn((scope) => (
      <>
        <Button variant="ghost" onClick={() => actions.edit(scope)} aria-label={`Edit ${scope.name}`}>
          Edit
        </Button>
        <Button
          variant="ghost"
          disabled={scope.builtIn}
          title={scope.builtIn ? 'Built-in scopes cannot be removed' : undefined}
          aria-label={`Remove ${scope.name}`}
          onClick={() => actions.remove(scope)}
        >
          Remove
        </Button>
      </>
    )),
  ];
}
