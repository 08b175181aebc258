'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import { createScopeAction, deleteScopeAction, updateScopeAction } from '@/lib/console/actions/scope-actions';
import { Badge } from '../badge';
import { Button } from '../button';
import { Dialog } from '../dialog';
import { PageHeader } from '../page-header';
import { FieldError, inputClass } from '../field-error';
import { toast } from '../toaster';

interface ScopeRow {
  name: string;
  description: string;
  builtIn: boolean;
}

/** Configuration › OAuth Scopes: the scopes clients may request, described for the consent page. */
export function ScopesView({ scopes }: { scopes: ScopeRow[] }) {
  const router = useRouter();
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<ScopeRow>();
  // Why the last removal was refused (say, the clients still using the scope): it stays until dismissed.
  const [refusal, setRefusal] = useState<string>();
  return (
    <main className="p-8">
      <PageHeader
        section="Configuration"
        title="OAuth Scopes"
        description="What clients may ask for. Users see these descriptions on the consent page."
        action={
          <Button variant="primary" onClick={() => setAdding(true)}>
            + Add Scope
          </Button>
        }
      />
      {refusal && (
        <div role="alert" className="mb-4 flex items-start justify-between gap-4 rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-200">
          <p>
            <bdi>{refusal}</bdi>
          </p>
          <button type="button" aria-label="Dismiss" onClick={() => setRefusal(undefined)} className="rounded p-1 hover:bg-red-100 dark:hover:bg-red-900">
            ✕
          </button>
        </div>
      )}
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:border-slate-800 dark:bg-slate-900/60">
            <tr>
              <th scope="col" className="px-4 py-3">Scope</th>
              <th scope="col" className="px-4 py-3">Description</th>
              <th scope="col" className="px-4 py-3"><span className="sr-only">Actions</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {scopes.map((scope) => (
              <tr key={scope.name} aria-label={scope.name}>
                <td className="px-4 py-3 font-mono">
                  {scope.name} {scope.builtIn && <Badge>Built-in</Badge>}
                </td>
                <td className="px-4 py-3">
                  <bdi>{scope.description}</bdi>
                </td>
                <td className="px-4 py-3 text-right whitespace-nowrap">
                  <Button variant="ghost" onClick={() => setEditing(scope)} aria-label={`Edit ${scope.name}`}>
                    Edit
                  </Button>
                  <Button
                    variant="ghost"
                    disabled={scope.builtIn}
                    title={scope.builtIn ? 'Built-in scopes cannot be removed' : undefined}
                    aria-label={`Remove ${scope.name}`}
                    onClick={async () => {
                      const result = await deleteScopeAction(scope.name);
                      setRefusal(result.ok ? undefined : result.message);
                      if (result.ok) toast(`${scope.name} removed`);
                      router.refresh();
                    }}
                  >
                    Remove
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
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
    </main>
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
  const id = useId();
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
      <div>
        <label htmlFor={`${id}-name`} className="mb-1.5 block text-sm font-medium">
          Scope Name
        </label>
        <input id={`${id}-name`} value={name} disabled={!!scope} onChange={(e) => setName(e.target.value)} className={inputClass} aria-invalid={errors.name ? true : undefined} />
        <FieldError id={`${id}-name-error`} message={errors.name} />
      </div>
      <div>
        <label htmlFor={`${id}-description`} className="mb-1.5 block text-sm font-medium">
          Description
        </label>
        <input id={`${id}-description`} value={description} onChange={(e) => setDescription(e.target.value)} className={inputClass} aria-invalid={errors.description ? true : undefined} />
        <FieldError id={`${id}-description-error`} message={errors.description} />
      </div>
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary">
          Save
        </Button>
      </div>
    </form>
  );
}
