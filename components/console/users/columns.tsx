'use client';

import type { ColumnDef } from '@tanstack/react-table';
import type { UserSummary } from '@/lib/users/list-users';
import { Badge } from '../badge';
import { rowActionsColumn } from '../data-table-row-actions';
import { formatDate } from '../format-date';
import { NameCell } from '../name-cell';
import { UserRowActions, type UserRowActionHandlers } from './user-row-actions';

const roleLabel: Record<string, string> = { user: 'User', admin: 'Admin', super_admin: 'Super admin' };

/** Columns with an accessor are sortable, on the server, by the column's id (lib/users/list-users.ts USER_SORTS). */
export function userColumns(actions: UserRowActionHandlers): ColumnDef<UserSummary, unknown>[] {
  return [
    { id: 'email', accessorKey: 'email', header: 'User', cell: ({ row: { original: user } }) => <NameCell name={user.email} detail={user.name} /> },
    {
      id: 'role',
      accessorKey: 'role',
      header: 'Role',
      cell: ({ row: { original: user } }) => <Badge tone={user.role === 'user' ? 'neutral' : 'indigo'}>{roleLabel[user.role] ?? user.role}</Badge>,
    },
    {
      id: 'mfa',
      header: 'Two-step',
      cell: ({ row: { original: user } }) => (user.mfaEnabled ? <Badge tone="green">On</Badge> : user.mfaRequired ? <Badge tone="amber">Required</Badge> : <Badge>Off</Badge>),
    },
    {
      id: 'status',
      accessorKey: 'disabled',
      header: 'Status',
      cell: ({ row: { original: user } }) => (
        <span className="flex flex-wrap gap-1">
          {user.disabled ? <Badge tone="red">Disabled</Badge> : <Badge tone="green">Active</Badge>}
          {user.lockedUntil && <Badge tone="amber">Locked</Badge>}
        </span>
      ),
    },
    {
      id: 'created_at',
      accessorKey: 'createdAt',
      header: 'Created',
      sortDescFirst: true,
      meta: { cellClassName: 'text-xs whitespace-nowrap text-slate-500' },
      cell: ({ row }) => formatDate(row.original.createdAt),
    },
    rowActionsColumn((user) => <UserRowActions user={user} actions={actions} />),
  ];
}
