'use client';

import { useId } from 'react';
import type { ClientResponse } from '@/lib/clients/client-schema';
import { envBlock, oauthEndpoints } from '@/lib/docs/service-environment';
import { Button } from '../button';
import { CopyButton } from '../copy-button';

/**
 * Shown once, right after a client is created or its secret rotated: its Client ID and
 * Client Secret, the issuer and endpoints, and a `.env` block with the integration guide's
 * OAUTH2_* names. The secret exists only in this component's memory; closing the dialog
 * or reloading the page loses it for good, so "Done" waits until the admin says it is
 * stored (the parent dialog ignores Escape and ✕ until then, see `secretPending`).
 */
export function SecretReveal({
  client,
  secret,
  issuer,
  stored,
  onStoredChange,
  onDone,
  intro = 'is ready.',
}: {
  client: ClientResponse;
  secret?: string;
  issuer: string;
  stored: boolean;
  onStoredChange: (stored: boolean) => void;
  onDone: () => void;
  intro?: string;
}) {
  const checkboxId = useId();
  const endpoints = oauthEndpoints(issuer);
  const env = envBlock(issuer, { client_id: client.client_id, client_secret: secret, redirect_uri: client.redirect_uris[0] });
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
      <Credential label="Issuer" value={endpoints.issuer} />
      <Credential label="Authorization endpoint" value={endpoints.authorize} />
      <Credential label="Token endpoint" value={endpoints.token} />
      <div>
        <div className="mb-1 flex items-center justify-between gap-2">
          <p className="text-sm font-medium">.env</p>
          <CopyButton value={`${env}\n`} label="Copy .env" />
        </div>
        <pre aria-label=".env" className="overflow-x-auto rounded-md border border-slate-200 bg-slate-50 px-3 py-2 font-mono text-xs dark:border-slate-700 dark:bg-slate-800">
          {env}
        </pre>
        <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          The variable names of the{' '}
          <a href="/docs/integration" target="_blank" className="underline">
            integration guide
          </a>
          .
        </p>
      </div>
      <div className="flex flex-wrap items-center justify-between gap-3">
        {secret ? (
          <label htmlFor={checkboxId} className="flex items-center gap-2 text-sm">
            <input id={checkboxId} type="checkbox" checked={stored} onChange={(event) => onStoredChange(event.target.checked)} className="h-4 w-4 accent-indigo-600" />I have stored
            the secret
          </label>
        ) : (
          <span />
        )}
        <Button variant="primary" onClick={onDone} disabled={!!secret && !stored}>
          Done
        </Button>
      </div>
    </div>
  );
}

/** True while a secret is on screen that the admin has not yet said is stored: closing now would lose it. */
export function secretPending(secret: string | undefined, stored: boolean): boolean {
  return !!secret && !stored;
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
