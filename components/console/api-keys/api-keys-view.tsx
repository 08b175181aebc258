'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { API_KEY_SCOPES, type ApiKeyResponse } from '@/lib/api-keys/api-key-schema';
import { createApiKeyAction, revokeApiKeyAction } from '@/lib/console/actions/api-key-actions';
import { Badge } from '../badge';
import { Button } from '../button';
import { CopyButton } from '../copy-button';
import { Dialog } from '../dialog';
import { FieldError, inputClass } from '../field-error';
import { PageHeader } from '../page-header';
import { toast } from '../toaster';
import { formatDate } from '../format-date';
import { errorsByField, GuardrailFields, guardrailDraft, guardrailInput } from './guardrail-fields';
import { GuardrailSummary } from './guardrail-summary';
import { EditGuardrailsForm } from './edit-guardrails-form';

/** Settings › API Keys: one key per service that registers itself through /api/clients. */
export function ApiKeysView({ keys, canManage, organizations }: { keys: ApiKeyResponse[]; canManage: boolean; organizations: { id: string; name: string }[] }) {
  const router = useRouter();
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ name: string; key: string }>();
  const [revoking, setRevoking] = useState<ApiKeyResponse>();
  const [editing, setEditing] = useState<ApiKeyResponse>();
  const status = (key: ApiKeyResponse) =>
    key.revoked_at ? <Badge tone="red">Revoked</Badge> : key.expires_at && new Date(key.expires_at) < new Date() ? <Badge tone="amber">Expired</Badge> : <Badge tone="green">Active</Badge>;
  return (
    <main className="p-8">
      <PageHeader
        section="Settings"
        title="API Keys"
        description="Admin API keys let a service register itself as an OAuth client (POST /api/clients). Create one per service; each is shown once."
        action={
          canManage && (
            <Button variant="primary" onClick={() => setCreating(true)}>
              + Create API Key
            </Button>
          )
        }
      />
      {!canManage && <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">Only super admins create and revoke API keys.</p>}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:border-slate-800 dark:bg-slate-900/60">
            <tr>
              {['Name', 'Key', 'Scopes', 'Guardrails', 'Created', 'Last used', 'Expires', 'Status'].map((h) => (
                <th key={h} scope="col" className="px-4 py-3">
                  {h}
                </th>
              ))}
              <th scope="col" className="px-4 py-3"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {keys.length === 0 && (
              <tr>
                <td colSpan={9} className="px-4 py-12 text-center text-slate-500">No API keys yet.</td>
              </tr>
            )}
            {keys.map((key) => (
              <tr key={key.id} aria-label={key.name}>
                <td className="px-4 py-3">
                  <p className="font-medium"><bdi>{key.name}</bdi></p>
                  {key.description && <p className="text-xs text-slate-500"><bdi>{key.description}</bdi></p>}
                </td>
                <td className="px-4 py-3 font-mono text-xs">{key.hint}</td>
                <td className="px-4 py-3"><span className="flex flex-wrap gap-1">{key.scopes.map((s) => <Badge key={s}>{s}</Badge>)}</span></td>
                <td className="px-4 py-3"><GuardrailSummary apiKey={key} organizations={organizations} /></td>
                <td className="px-4 py-3 text-xs whitespace-nowrap">{formatDate(key.created_at)}</td>
                <td className="px-4 py-3 text-xs whitespace-nowrap">{key.last_used_at ? formatDate(key.last_used_at) : 'Never'}</td>
                <td className="px-4 py-3 text-xs whitespace-nowrap">{key.expires_at ? formatDate(key.expires_at) : 'Never'}</td>
                <td className="px-4 py-3">{status(key)}</td>
                <td className="px-4 py-3 text-right whitespace-nowrap">
                  {canManage && !key.revoked_at && (
                    <Button variant="ghost" aria-label={`Edit guardrails of ${key.name}`} onClick={() => setEditing(key)}>
                      Edit guardrails
                    </Button>
                  )}
                  {canManage && !key.revoked_at && (
                    <Button variant="ghost" aria-label={`Revoke ${key.name}`} onClick={() => setRevoking(key)}>
                      Revoke
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      <Dialog open={creating} title={created ? 'API key created' : 'Create API Key'} onClose={() => { setCreating(false); setCreated(undefined); }} wide>
        {created ? (
          <div className="space-y-4">
            <p className="text-sm">The key for <bdi className="font-semibold">{created.name}</bdi>:</p>
            <div className="flex items-center gap-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 dark:border-slate-700 dark:bg-slate-800">
              <code aria-label="API key" className="min-w-0 flex-1 font-mono text-sm break-all">{created.key}</code>
              <CopyButton value={created.key} label="Copy API key" />
            </div>
            <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
              Store it in the service’s secrets manager now. It is shown only this once.
            </p>
            <div className="flex justify-end">
              <Button variant="primary" onClick={() => { setCreating(false); setCreated(undefined); }}>Done</Button>
            </div>
          </div>
        ) : (
          creating && (
            <CreateApiKeyForm
              organizations={organizations}
              onCancel={() => setCreating(false)}
              onCreated={(name, key) => {
                setCreated({ name, key });
                router.refresh();
              }}
            />
          )
        )}
      </Dialog>

      <Dialog open={!!editing} title={editing ? <>Guardrails of <bdi>{editing.name}</bdi></> : 'Guardrails'} onClose={() => setEditing(undefined)} wide>
        {editing && (
          <EditGuardrailsForm
            apiKey={editing}
            organizations={organizations}
            onCancel={() => setEditing(undefined)}
            onSaved={(key) => {
              setEditing(undefined);
              toast(`${key.name}: guardrails saved`);
              router.refresh();
            }}
          />
        )}
      </Dialog>

      <Dialog open={!!revoking} title={revoking ? <>Revoke <bdi>{revoking.name}</bdi>?</> : 'Revoke'} onClose={() => setRevoking(undefined)}>
        {revoking && (
          <div className="space-y-4">
            <p className="text-sm text-slate-600 dark:text-slate-400">The service using this key can no longer call the admin API, starting with its next request.</p>
            <div className="flex justify-end gap-2">
              <Button onClick={() => setRevoking(undefined)}>Cancel</Button>
              <Button
                variant="danger"
                onClick={async () => {
                  const result = await revokeApiKeyAction(revoking.id);
                  toast(result.ok ? `${revoking.name} revoked` : result.message, result.ok ? 'success' : 'error');
                  setRevoking(undefined);
                  router.refresh();
                }}
              >
                Revoke
              </Button>
            </div>
          </div>
        )}
      </Dialog>
    </main>
  );
}

function CreateApiKeyForm({ organizations, onCancel, onCreated }: { organizations: { id: string; name: string }[]; onCancel: () => void; onCreated: (name: string, key: string) => void }) {
  const id = useId();
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [scopes, setScopes] = useState<string[]>(['clients:read', 'clients:write']);
  const [expires, setExpires] = useState('');
  const [guardrails, setGuardrails] = useState(() => guardrailDraft());
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = { name, description, scopes, expires_at: expires ? new Date(`${expires}T00:00:00Z`).toISOString() : null, ...guardrailInput(guardrails) };
    const result = await createApiKeyAction(input);
    if (result.ok) onCreated(result.data.api_key.name, result.data.key);
    else setErrors(result.fields.length ? errorsByField(result.fields, input) : { name: result.message });
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <div>
        <label htmlFor={`${id}-name`} className="mb-1.5 block text-sm font-medium">Name</label>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} className={inputClass} aria-invalid={errors.name ? true : undefined} />
        <FieldError id={`${id}-name-error`} message={errors.name} />
      </div>
      <div>
        <label htmlFor={`${id}-description`} className="mb-1.5 block text-sm font-medium">Description</label>
        <input id={`${id}-description`} value={description} onChange={(e) => setDescription(e.target.value)} className={inputClass} />
      </div>
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium">Scopes</legend>
        {API_KEY_SCOPES.map((scope) => (
          <label key={scope} className="mr-4 inline-flex items-center gap-2 text-sm">
            <input type="checkbox" checked={scopes.includes(scope)} onChange={(e) => setScopes(e.target.checked ? [...scopes, scope] : scopes.filter((s) => s !== scope))} />
            {scope}
          </label>
        ))}
        <FieldError id={`${id}-scopes-error`} message={errors.scopes} />
      </fieldset>
      <div>
        <label htmlFor={`${id}-expires`} className="mb-1.5 block text-sm font-medium">Expires (optional)</label>
        <input id={`${id}-expires`} type="date" value={expires} onChange={(e) => setExpires(e.target.value)} className={inputClass} />
        <FieldError id={`${id}-expires-error`} message={errors.expires_at} />
      </div>
      <GuardrailFields draft={guardrails} onChange={setGuardrails} errors={errors} organizations={organizations} />
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary">Create API Key</Button>
      </div>
    </form>
  );
}
