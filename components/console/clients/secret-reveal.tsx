'use client';

import type { ClientResponse } from '@/lib/clients/client-schema';
import { Button } from '../button';
import { CopyButton } from '../copy-button';

/**
 * Shown once, right after a client is created or its secret rotated: its Client ID and
 * Client Secret. The secret exists only in this component's memory; closing the dialog
 * or reloading the page loses it for good.
 */
export function SecretReveal({ client, secret, onDone, intro = 'is ready.' }: { client: ClientResponse; secret?: string; onDone: () => void; intro?: string }) {
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        <bdi className="font-semibold text-slate-900 dark:text-slate-100">{client.name}</bdi> {intro}
      </p>
      <Credential label="Client ID" value={client.client_id} />
      {secret ? (
        <>
          <Credential label="Client Secret" value={secret} />
          <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
            Copy the client secret now and store it in a secrets manager. It is shown only this once: Thalamus keeps a hash, not the secret.
          </p>
        </>
      ) : (
        <p className="text-sm text-slate-600 dark:text-slate-400">This is a public client: it has no secret and proves itself with PKCE.</p>
      )}
      <div className="flex justify-end">
        <Button variant="primary" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}

function Credential({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <p className="mb-1 text-sm font-medium">{label}</p>
      <div className="flex items-center gap-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 dark:border-slate-700 dark:bg-slate-800">
        <code aria-label={label} className="min-w-0 flex-1 font-mono text-sm break-all">
          {value}
        </code>
        <CopyButton value={value} label={`Copy ${label}`} />
      </div>
    </div>
  );
}
