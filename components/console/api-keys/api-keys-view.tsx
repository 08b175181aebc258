'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { API_KEY_SCOPES, type ApiKeyResponse } from '@/lib/api-keys/api-key-schema';
import type { ApiKeyListQuery } from '@/lib/api-keys/list-api-keys';
import { createApiKeyAction, revokeApiKeyAction } from '@/lib/console/actions/api-key-actions';
import { Button } from '../button';
import { ConfirmDialog } from '../confirm-dialog';
import { CopyButton } from '../copy-button';
import { DataTable } from '../data-table';
import { DataTableToolbar, ToolbarFilter } from '../data-table-toolbar';
import { Dialog } from '../dialog';
import { FormActions } from '../form-actions';
import { FieldError } from '../field-error';
import { TextField } from '../form-field';
import { PageHeader } from '../page-header';
import { toast } from '../toaster';
import { useQueryNavigation } from '../use-query-navigation';
import { useUrlSorting } from '../use-url-sorting';
import { apiKeyColumns } from './columns';
import { errorsByField, GuardrailFields, guardrailDraft, guardrailInput } from './guardrail-fields';
import { EditGuardrailsForm } from './edit-guardrails-form';

/** Settings › API Keys: one key per service that registers itself through /api/clients. The status filter and the order live in the URL. */
export function ApiKeysView({
  keys,
  query,
  canManage,
  organizations,
}: {
  keys: ApiKeyResponse[];
  query: ApiKeyListQuery;
  canManage: boolean;
  organizations: { id: string; name: string }[];
}) {
  const router = useRouter();
  const { navigate, pending } = useQueryNavigation();
  const sorting = useUrlSorting(query);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<{ name: string; key: string }>();
  const [revoking, setRevoking] = useState<ApiKeyResponse>();
  const [editing, setEditing] = useState<ApiKeyResponse>();
  const columns = apiKeyColumns(organizations, { canManage, editGuardrails: setEditing, revoke: setRevoking });
  return (
    <div className="p-4 sm:p-6 lg:p-8">
      <PageHeader
        section="Settings"
        title="API Keys"
        description="Admin API keys let a service register itself as an OAuth client (POST /api/clients). Create one per service; each is shown once."
        create={canManage ? { label: 'Create API Key', onClick: () => setCreating(true) } : undefined}
      />
      {!canManage && <p className="mb-4 text-sm text-slate-600 dark:text-slate-400">Only super admins create and revoke API keys.</p>}
      {canManage && (
        <DataTableToolbar pending={pending}>
          <ToolbarFilter label="Status" value={query.status} onChange={(status) => navigate({ status })}>
            <option value="">All keys</option>
            <option value="active">Active</option>
            <option value="expired">Expired</option>
            <option value="revoked">Revoked</option>
          </ToolbarFilter>
        </DataTableToolbar>
      )}
      <DataTable
        columns={columns}
        data={keys}
        {...sorting}
        rowId={(key) => key.id}
        rowLabel={(key) => key.name}
        empty={query.status ? 'No API key has this status.' : 'No API keys yet.'}
      />

      <Dialog
        open={creating}
        title={created ? 'API key created' : 'Create API Key'}
        onClose={() => {
          setCreating(false);
          setCreated(undefined);
        }}
        wide
      >
        {created ? (
          <div className="space-y-4">
            <p className="text-sm">
              The key for <bdi className="font-semibold">{created.name}</bdi>:
            </p>
            <div className="flex items-center gap-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2 dark:border-slate-700 dark:bg-slate-800">
              <code aria-label="API key" className="min-w-0 flex-1 font-mono text-sm break-all">
                {created.key}
              </code>
              <CopyButton value={created.key} label="Copy API key" />
            </div>
            <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200">
              Store it in the service’s secrets manager now. It is shown only this once.
            </p>
            <div className="flex justify-end">
              <Button
                variant="primary"
                onClick={() => {
                  setCreating(false);
                  setCreated(undefined);
                }}
              >
                Done
              </Button>
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

      <Dialog
        open={!!editing}
        title={
          editing ? (
            <>
              Guardrails of <bdi>{editing.name}</bdi>
            </>
          ) : (
            'Guardrails'
          )
        }
        onClose={() => setEditing(undefined)}
        wide
      >
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

      <ConfirmDialog
        open={!!revoking}
        title={
          revoking ? (
            <>
              Revoke <bdi>{revoking.name}</bdi>?
            </>
          ) : (
            'Revoke'
          )
        }
        message="The service using this key can no longer call the admin API, starting with its next request."
        confirmLabel="Revoke"
        onCancel={() => setRevoking(undefined)}
        onConfirm={async () => {
          if (!revoking) return;
          const result = await revokeApiKeyAction(revoking.id);
          toast(result.ok ? `${revoking.name} revoked` : result.message, result.ok ? 'success' : 'error');
          setRevoking(undefined);
          router.refresh();
        }}
      />
    </div>
  );
}

function CreateApiKeyForm({
  organizations,
  onCancel,
  onCreated,
}: {
  organizations: { id: string; name: string }[];
  onCancel: () => void;
  onCreated: (name: string, key: string) => void;
}) {
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
      <TextField label="Name" value={name} onChange={setName} error={errors.name} />
      <TextField label="Description" value={description} onChange={setDescription} />
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
      <TextField label="Expires (optional)" type="date" value={expires} onChange={setExpires} error={errors.expires_at} />
      <GuardrailFields draft={guardrails} onChange={setGuardrails} errors={errors} organizations={organizations} />
      <FormActions onCancel={onCancel} submitLabel="Create API Key" />
    </form>
  );
}
