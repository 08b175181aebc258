'use client';

import { useId } from 'react';
import type { ClientResponse } from '@/lib/clients/client-schema';
import { DEFAULT_CLIENT_DELETE_REFUSAL } from '@/lib/clients/default-clients';

export interface ClientRowActionHandlers {
  view: (client: ClientResponse) => void;
  edit: (client: ClientResponse) => void;
  remove: (client: ClientResponse) => void;
}

const iconButton =
  'rounded p-1.5 text-slate-500 @max-4xl/table:p-1 hover:bg-slate-100 hover:text-slate-900 disabled:cursor-not-allowed disabled:opacity-40 dark:hover:bg-slate-800 dark:hover:text-slate-100';

/**
 * A client row's View, Edit and Delete. Delete is off for a default client (the server
 * refuses it), and the button is described by the reason.
 */
export function ClientRowActions({ client, actions }: { client: ClientResponse; actions: ClientRowActionHandlers }) {
  const id = useId();
  return (
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
        aria-describedby={client.is_default ? `${id}-reason` : undefined}
        title={client.is_default ? DEFAULT_CLIENT_DELETE_REFUSAL : 'Delete'}
        className={iconButton}
        disabled={client.is_default}
        onClick={() => actions.remove(client)}
      >
        <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
          <path d="M7 2h6l1 2h4v2H2V4h4l1-2Zm-3 6h12l-1 10H5L4 8Z" />
        </svg>
      </button>
      {client.is_default && (
        <span id={`${id}-reason`} className="sr-only">
          {DEFAULT_CLIENT_DELETE_REFUSAL}
        </span>
      )}
    </span>
  );
}
