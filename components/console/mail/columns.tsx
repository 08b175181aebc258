'use client';

import type { ColumnDef } from '@tanstack/react-table';
import type { MailQueueEntry } from '@/lib/mail/mail-admin';
import { Badge } from '../badge';
import { Button } from '../button';
import { rowActionsColumn } from '../data-table-row-actions';
import { formatDate } from '../format-date';

const dateCell = { cellClassName: 'text-xs whitespace-nowrap' };

function status(message: MailQueueEntry) {
  if (message.status === 'sent') return <Badge tone="green">Sent</Badge>;
  if (message.status === 'failed') return <Badge tone="red">Failed</Badge>;
  return <Badge tone={message.attempts > 0 ? 'amber' : 'neutral'}>{message.attempts > 0 ? 'Retrying' : 'Queued'}</Badge>;
}

/** The queue's columns: no body, only what tells an admin where each message stands. */
export function mailQueueColumns(actions: { retry: (message: MailQueueEntry) => void }): ColumnDef<MailQueueEntry, unknown>[] {
  return [
    { id: 'to', header: 'To', meta: { cellClassName: 'whitespace-nowrap' }, cell: ({ row }) => <bdi>{row.original.to}</bdi> },
    { id: 'template', header: 'Template', meta: { cellClassName: 'font-mono text-xs' }, cell: ({ row }) => row.original.template },
    { id: 'status', header: 'Status', cell: ({ row }) => status(row.original) },
    { id: 'attempts', header: 'Attempts', meta: { cellClassName: 'tabular-nums' }, cell: ({ row }) => row.original.attempts },
    {
      id: 'last_error',
      header: 'Last error',
      meta: { cellClassName: 'text-xs min-w-48 max-w-xs break-words' },
      cell: ({ row }) => (
        <>
          {row.original.last_error && <bdi>{row.original.last_error}</bdi>}
          {row.original.next_attempt_at && row.original.attempts > 0 && <span className="block text-slate-500">Next try {formatDate(row.original.next_attempt_at)}</span>}
        </>
      ),
    },
    { id: 'created_at', header: 'Created', meta: dateCell, cell: ({ row }) => formatDate(row.original.created_at) },
    { id: 'sent_at', header: 'Sent', meta: dateCell, cell: ({ row }) => (row.original.sent_at ? formatDate(row.original.sent_at) : '—') },
    rowActionsColumn((message) =>
      message.can_retry ? (
        <Button variant="ghost" aria-label={`Retry now: ${message.to}`} onClick={() => actions.retry(message)}>
          Retry now
        </Button>
      ) : null,
    ),
  ];
}
