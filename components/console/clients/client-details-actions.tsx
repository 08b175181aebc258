'use client';

import { useId } from 'react';
import { usesClientSecret, type ClientResponse } from '@/lib/clients/client-schema';
import { CONSOLE_CLIENT_DISABLE_REFUSAL, DEFAULT_CLIENT_DELETE_REFUSAL } from '@/lib/clients/default-clients';
import { Button } from '../button';
import { useConfirm } from '../confirm-dialog';
import { managedByThalamus } from './client-protection';

/**
 * The details panel's buttons. Only what the server would do is offered (update-client.ts,
 * rotate-client-secret.ts, delete-client.ts): the console's own client has no Regenerate
 * Secret and no Disable, and a default client's Delete is off; each says why instead.
 * Disabling confirms first (it revokes the client's tokens); enabling again does not.
 */
export function ClientDetailsActions({
  client,
  onEdit,
  onDelete,
  onToggleEnabled,
  onRotateSecret,
}: {
  client: ClientResponse;
  onEdit: () => void;
  onDelete: () => void;
  onToggleEnabled: () => void | Promise<void>;
  onRotateSecret: () => void;
}) {
  const id = useId();
  const { dialog, confirm } = useConfirm();
  const managed = managedByThalamus(client);
  const disable = async () => {
    const confirmed = await confirm({
      title: (
        <>
          Disable <bdi>{client.name}</bdi>?
        </>
      ),
      message: (
        <>
          Applications using <span className="font-mono">{client.client_id}</span> stop working at once: it can no longer sign users in or obtain tokens, and the tokens and grants
          it holds are revoked. Enabling it again lets it sign in anew; the revoked tokens stay revoked.
        </>
      ),
      confirmLabel: 'Disable',
    });
    if (confirmed) await onToggleEnabled();
  };

  return (
    <div className="mt-6 space-y-3 border-t border-slate-200 pt-4 dark:border-slate-800">
      <div className="flex flex-wrap gap-2">
        <Button variant="primary" onClick={onEdit}>
          Edit Client
        </Button>
        {usesClientSecret(client.token_endpoint_auth_method) && !managed && <Button onClick={onRotateSecret}>Regenerate Secret</Button>}
        {!managed && (client.enabled ? <Button onClick={disable}>Disable</Button> : <Button onClick={onToggleEnabled}>Enable</Button>)}
        <Button variant="danger" onClick={onDelete} disabled={client.is_default} aria-describedby={client.is_default ? `${id}-delete` : undefined}>
          Delete
        </Button>
      </div>
      {(managed || client.is_default) && (
        <ul className="space-y-1 text-xs text-slate-500">
          {managed && <li>{CONSOLE_CLIENT_DISABLE_REFUSAL}.</li>}
          {client.is_default && <li id={`${id}-delete`}>{DEFAULT_CLIENT_DELETE_REFUSAL}.</li>}
        </ul>
      )}
      {dialog}
    </div>
  );
}
