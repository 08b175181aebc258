'use client';

import { useState, type FormEvent } from 'react';
import { splitSecret, type ClientResponse } from '@/lib/clients/client-schema';
import { createClientAction, createSyncConnectorAction } from '@/lib/console/actions/client-actions';
import { Dialog } from '../dialog';
import { FormActions } from '../form-actions';
import { TextField } from '../form-field';
import { ClientForm, initialValues, type ApiOption } from './client-form';
import type { Suggestion } from './list-input';
import { SecretReveal, secretPending } from './secret-reveal';

type Step = { kind: 'choose' } | { kind: 'sync' } | { kind: 'custom' } | { kind: 'created'; client: ClientResponse; secret?: string };

/** "+ Create Client": choose Sync Connector or Custom, fill in, then see the credentials once. */
export function CreateClientDialog({
  open,
  onClose,
  scopeSuggestions,
  organizations,
  apis,
  issuer,
}: {
  open: boolean;
  onClose: (created?: ClientResponse) => void;
  scopeSuggestions: Suggestion[];
  organizations: { id: string; name: string }[];
  apis: ApiOption[];
  /** This server's issuer, for the endpoints and the `.env` block shown with the secret. */
  issuer: string;
}) {
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [stored, setStored] = useState(false);
  const close = () => {
    if (step.kind === 'created' && secretPending(step.secret, stored)) return;
    setStored(false);
    const created = step.kind === 'created' ? step.client : undefined;
    setStep({ kind: 'choose' });
    onClose(created);
  };
  const title =
    step.kind === 'created' ? 'Client created' : step.kind === 'sync' ? 'Create Sync Connector Client' : step.kind === 'custom' ? 'Create Custom Client' : 'Create Client';
  return (
    <Dialog open={open} title={title} onClose={close} wide={step.kind === 'custom' || step.kind === 'created'}>
      {step.kind === 'choose' && (
        <div className="grid gap-3 sm:grid-cols-2">
          <Choice
            title="Sync Connector Client"
            description="For LDAP / Active Directory synchronization. Configured automatically with the client credentials grant and the directory scopes; you only name it."
            onClick={() => setStep({ kind: 'sync' })}
          />
          <Choice
            title="Custom Client"
            description="For your own web, mobile or desktop application or service: choose redirect URIs, grant types and scopes."
            onClick={() => setStep({ kind: 'custom' })}
          />
        </div>
      )}
      {step.kind === 'sync' && <SyncConnectorForm onCancel={() => setStep({ kind: 'choose' })} onCreated={(client, secret) => setStep({ kind: 'created', client, secret })} />}
      {step.kind === 'custom' && (
        <ClientForm
          initial={initialValues()}
          organizations={organizations}
          apis={apis}
          scopeSuggestions={scopeSuggestions}
          submitLabel="Create Client"
          onCancel={() => setStep({ kind: 'choose' })}
          onSubmit={async (values) => {
            const result = await createClientAction({ ...values, response_types: values.response_types.length ? values.response_types : undefined });
            if (!result.ok) return result;
            setStep({ kind: 'created', ...splitSecret(result.data) });
            return undefined;
          }}
        />
      )}
      {step.kind === 'created' && <SecretReveal client={step.client} secret={step.secret} issuer={issuer} stored={stored} onStoredChange={setStored} onDone={close} />}
    </Dialog>
  );
}

function Choice({ title, description, onClick }: { title: string; description: string; onClick: () => void }) {
  return (
    <button
      type="button"
      onClick={onClick}
      className="rounded-lg border border-slate-200 p-4 text-left hover:border-indigo-400 hover:bg-indigo-50/40 focus-visible:outline-2 focus-visible:outline-indigo-600 dark:border-slate-700 dark:hover:bg-indigo-950/40"
    >
      <span className="block font-semibold">{title}</span>
      <span className="mt-1 block text-sm text-slate-600 dark:text-slate-400">{description}</span>
    </button>
  );
}

function SyncConnectorForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (client: ClientResponse, secret?: string) => void }) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    const result = await createSyncConnectorAction(name, '').finally(() => setPending(false));
    if (result.ok) {
      const { client, secret } = splitSecret(result.data);
      onCreated(client, secret);
    } else setError(result.fields.find((f) => f.path === 'name')?.message ?? result.message);
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <p className="text-sm text-slate-600 dark:text-slate-400">Grant type: Client Credentials. Scopes: directory:read, directory:write.</p>
      <TextField label="Client Name" required value={name} onChange={setName} error={error} autoFocus />
      <FormActions onCancel={onCancel} cancelLabel="Back" submitLabel="Create Client" pending={pending} pendingLabel="Creating…" />
    </form>
  );
}
