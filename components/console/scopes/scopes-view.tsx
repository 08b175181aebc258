'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { createScopeAction, deleteScopeAction, updateScopeAction } from '@/lib/console/actions/scope-actions';
import { DataTable } from '../data-table';
import { Dialog } from '../dialog';
import { FormActions } from '../form-actions';
import { TextField } from '../form-field';
import { DismissibleAlert } from '../dismissible-alert';
import { PageHeader } from '../page-header';
import { toast } from '../toaster';
import { scopeColumns, type ScopeRow } from './columns';

/** Configuration › OAuth Scopes: the scopes clients may request, described for the consent page. */
export function ScopesView({ scopes }: { scopes: ScopeRow[] }) {
  const router = useRouter();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<ScopeRow>();
  // Why the last removal was refused (say, the clients still using the scope): it stays until dismissed.
  const [refusal, setRefusal] = useState<string>();
  const columns = scopeColumns({
    edit: setEditing,
    remove: async (scope) => {
      const result = await deleteScopeAction(scope.name);
      setRefusal(result.ok ? undefined : result.message);
      if (result.ok) toast(`${scope.name} removed`);
      router.refresh();
    },
  });
  return (
    <div className="p-4 sm:p-6 lg:p-8">
      <PageHeader
        section="Configuration"
        title="OAuth Scopes"
        description="What clients may ask for. Users see these descriptions on the consent page."
        create={{ label: 'Add Scope', onClick: () => setAdding(true) }}
      />
      <DismissibleAlert message={refusal} onDismiss={() => setRefusal(undefined)} />
      <DataTable columns={columns} data={scopes} rowId={(scope) => scope.name} rowLabel={(scope) => scope.name} empty="No scopes yet." />
      <Dialog open={adding} title="Add Scope" onClose={() => setAdding(false)}>
        {adding && (
          <ScopeForm
            onCancel={() => setAdding(false)}
            onSubmit={async (name, description) => {
              const result = await createScopeAction({ name, description });
              if (!result.ok) return result;
              setAdding(false);
              toast(`${name} added`);
              router.refresh();
              return undefined;
            }}
          />
        )}
      </Dialog>
      <Dialog open={!!editing} title={editing ? `Edit ${editing.name}` : 'Edit scope'} onClose={() => setEditing(undefined)}>
        {editing && (
          <ScopeForm
            scope={editing}
            onCancel={() => setEditing(undefined)}
            onSubmit={async (_name, description) => {
              const result = await updateScopeAction(editing.name, description);
              if (!result.ok) return result;
              setEditing(undefined);
              toast(`${editing.name} saved`);
              router.refresh();
              return undefined;
            }}
          />
        )}
      </Dialog>
    </div>
  );
}

function ScopeForm({
  scope,
  onSubmit,
  onCancel,
}: {
  scope?: ScopeRow;
  onSubmit: (name: string, description: string) => Promise<{ message: string; fields: { path: string; message: string }[] } | undefined>;
  onCancel: () => void;
}) {
  const [name, setName] = useState(scope?.name ?? '');
  const [description, setDescription] = useState(scope?.description ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const failure = await onSubmit(name, description);
    if (failure) setErrors(Object.fromEntries(failure.fields.length ? failure.fields.map((f) => [f.path, f.message]) : [['description', failure.message]]));
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <TextField label="Scope Name" value={name} disabled={!!scope} onChange={setName} error={errors.name} />
      <TextField label="Description" value={description} onChange={setDescription} error={errors.description} />
      <FormActions onCancel={onCancel} submitLabel="Save" />
    </form>
  );
}
