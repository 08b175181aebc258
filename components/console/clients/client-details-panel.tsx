'use client';

import { useEffect, useEffectEvent, useRef } from 'react';
import { usesClientSecret, type ClientResponse } from '@/lib/clients/client-schema';
import { GRANT_TYPE_LABELS, DEFAULT_CLIENT_REASON } from '@/lib/clients/labels';
import { Badge } from '../badge';
import { CopyButton } from '../copy-button';
import { formatDate } from '../format-date';
import { AuditTable } from '../audit/audit-table';
import type { AuditEventView } from '@/lib/audit/list-audit-events';
import { managedByThalamus, MANAGED_CLIENT_NOTE } from './client-protection';
import { ClientDetailsActions } from './client-details-actions';
import { AllowedGroupsSection } from './allowed-groups-section';
import { SecurityDetails } from './security-details';
import { DetailItem } from '../detail-item';

/**
 * Everything about one client, with its actions. On wide screens (`wide`, 1440 px and up)
 * it sits beside the narrowed list; below that it is a sheet over the page (full-screen on
 * a phone) that takes the focus. Escape closes it.
 */
export function ClientDetailsPanel({
  client,
  history,
  onClose,
  onEdit,
  onDelete,
  onToggleEnabled,
  onRotateSecret,
}: {
  client: ClientResponse;
  history: AuditEventView[];
  onClose: () => void;
  onEdit: () => void;
  onDelete: () => void;
  onToggleEnabled: () => void | Promise<void>;
  onRotateSecret: () => void;
}) {
  const managed = managedByThalamus(client);
  const panel = useRef<HTMLElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const onEscape = useEffectEvent((event: KeyboardEvent) => {
    // A dialog opened from the panel (Edit, Delete…) closes first on its own Escape.
    if (event.key === 'Escape' && !document.querySelector('dialog[open]')) onClose();
  });
  useEffect(() => {
    document.addEventListener('keydown', onEscape);
    return () => document.removeEventListener('keydown', onEscape);
  }, []);
  useEffect(() => {
    // As a sheet over the page, the panel takes the focus; beside the list it leaves it where it is.
    if (panel.current && getComputedStyle(panel.current).position === 'fixed') closeButton.current?.focus();
  }, [client.client_id]);
  return (
    <aside
      ref={panel}
      aria-label="Client Details"
      className="fixed inset-0 z-40 overflow-y-auto bg-white p-4 sm:left-auto sm:w-[28rem] sm:border-l sm:border-slate-200 sm:p-6 sm:shadow-[0_0_0_100vmax_rgb(2_6_23/0.4)] wide:sticky wide:top-14 wide:z-auto wide:h-[calc(100vh-3.5rem)] wide:w-[22rem] wide:shrink-0 wide:shadow-none dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="mb-5 flex items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Client Details</p>
          <h2 className="truncate text-lg font-semibold" title={client.name}>
            <bdi>{client.name}</bdi>
          </h2>
        </div>
        <button ref={closeButton} type="button" aria-label="Close details" onClick={onClose} className="rounded p-1 text-slate-500 hover:bg-slate-100 dark:hover:bg-slate-800">
          ✕
        </button>
      </div>
      {client.is_default && <p className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200">{DEFAULT_CLIENT_REASON}</p>}
      {managed && <p className="mb-4 rounded-md bg-slate-100 px-3 py-2 text-xs text-slate-700 dark:bg-slate-800 dark:text-slate-300">{MANAGED_CLIENT_NOTE}</p>}
      <dl className="space-y-4 text-sm">
        <DetailItem label="Client ID">
          <span className="flex items-center gap-1 font-mono break-all">
            {client.client_id}
            <CopyButton value={client.client_id} label="Copy Client ID" />
          </span>
        </DetailItem>
        <DetailItem label="Status">{client.enabled ? <Badge tone="green">Enabled</Badge> : <Badge tone="red">Disabled</Badge>}</DetailItem>
        <DetailItem label="Registered by">{client.registered_by ? <bdi>{client.registered_by}</bdi> : '—'}</DetailItem>
        {client.description && (
          <DetailItem label="Description">
            <bdi className="whitespace-pre-line">{client.description}</bdi>
          </DetailItem>
        )}
        <DetailItem label="Type">
          {client.client_type === 'sync_connector' ? 'Sync Connector' : 'Custom'} · {client.application_type === 'native' ? 'Native' : 'Web'} ·{' '}
          {client.token_endpoint_auth_method === 'none' ? 'Public' : 'Confidential'}
        </DetailItem>
        {usesClientSecret(client.token_endpoint_auth_method) && (
          <DetailItem label="Client Secret">
            <ul className="space-y-1">
              {client.client_secrets.map((secret) => (
                <li key={secret.hint}>
                  <span className="font-mono">{secret.hint}</span> (hidden)
                  {secret.expires_at && <span className="text-amber-700 dark:text-amber-300"> · stops working {formatDate(secret.expires_at)}</span>}
                  <span className="text-slate-500"> · {secret.last_used_at ? `last used ${formatDate(secret.last_used_at)}` : 'never used'}</span>
                </li>
              ))}
            </ul>
            {!client.client_secrets.length && !managed && <span className="text-slate-500">None: regenerate one to use this client</span>}
          </DetailItem>
        )}
        <DetailItem label="Grant Types">
          <Badges values={client.grant_types.map((g) => GRANT_TYPE_LABELS[g])} tone="indigo" />
        </DetailItem>
        <DetailItem label="Response Types">
          <Badges values={client.response_types.map(() => 'Code')} />
        </DetailItem>
        <DetailItem label="Scopes">
          <Badges values={client.scopes} />
        </DetailItem>
        <DetailItem label="Default API">{client.default_resource ? <span className="font-mono text-xs break-all">{client.default_resource}</span> : 'None'}</DetailItem>
        <DetailItem label="Require User Consent">{client.require_consent ? 'Yes' : 'No'}</DetailItem>
        <DetailItem label="Require PKCE">{client.require_pkce ? 'Yes' : 'No'}</DetailItem>
        <DetailItem label="Back-channel logout URI">
          {client.backchannel_logout_uri ? <span className="font-mono text-xs break-all">{client.backchannel_logout_uri}</span> : 'None'}
        </DetailItem>
        <DetailItem label="Redirect URIs">
          {client.redirect_uris.length ? (
            <ul className="space-y-1 font-mono text-xs break-all">
              {client.redirect_uris.map((uri) => (
                <li key={uri}>
                  <bdi>{uri}</bdi>
                </li>
              ))}
            </ul>
          ) : (
            <span className="text-slate-500">None</span>
          )}
        </DetailItem>
        <DetailItem label="Last used">{client.last_used_at ? formatDate(client.last_used_at) : 'Never: no token yet'}</DetailItem>
        <DetailItem label="Created">{formatDate(client.created_at)}</DetailItem>
        <DetailItem label="Last updated">{formatDate(client.updated_at)}</DetailItem>
      </dl>
      <SecurityDetails client={client} />
      <ClientDetailsActions client={client} onEdit={onEdit} onDelete={onDelete} onToggleEnabled={onToggleEnabled} onRotateSecret={onRotateSecret} />
      <AllowedGroupsSection key={client.client_id} clientId={client.client_id} />
      <section aria-label="History" className="mt-6">
        <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">History</h3>
        <AuditTable events={history} compact />
      </section>
    </aside>
  );
}

function Badges({ values, tone = 'neutral' }: { values: string[]; tone?: 'neutral' | 'indigo' }) {
  if (!values.length) return <span className="text-slate-500">None</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {values.map((value) => (
        <Badge key={value} tone={tone}>
          {value}
        </Badge>
      ))}
    </span>
  );
}
