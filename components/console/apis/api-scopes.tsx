'use client';

import { useState, type FormEvent } from 'react';
import type { ActionResult } from '@/lib/console/action-result';
import type { ResourceResponse } from '@/lib/resources/resource-schema';
import { Button } from '../button';
import { TextField } from '../form-field';

/** The scopes of one API: each removable (unless built in), and a row to add one. */
export function ApiScopes({
  api,
  add,
  remove,
}: {
  api: ResourceResponse;
  add: (scope: { name: string; description: string }) => Promise<ActionResult>;
  remove: (name: string) => Promise<ActionResult>;
}) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await add({ name, description });
    if (!result.ok) return setErrors(Object.fromEntries(result.fields.length ? result.fields.map((f) => [f.path, f.message]) : [['name', result.message]]));
    setErrors({});
    setName('');
    setDescription('');
  };
  const removeScope = async (scope: string) => {
    const result = await remove(scope);
    setErrors(result.ok ? {} : { removal: result.message });
  };
  return (
    <div className="space-y-4">
      <ul aria-label={`Scopes of ${api.name}`} className="divide-y divide-slate-200 dark:divide-slate-800">
        {api.scopes.map((scope) => (
          <li key={scope.name} className="flex items-center justify-between gap-4 py-2 text-sm">
            <span>
              <span className="font-mono">{scope.name}</span> <bdi className="text-slate-600 dark:text-slate-400">{scope.description}</bdi>
            </span>
            {!api.protected && (
              <Button variant="ghost" aria-label={`Remove ${scope.name}`} onClick={() => removeScope(scope.name)}>
                Remove
              </Button>
            )}
          </li>
        ))}
        {api.scopes.length === 0 && <li className="py-2 text-sm text-slate-600 dark:text-slate-400">No scopes yet.</li>}
      </ul>
      {errors.removal && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          <bdi>{errors.removal}</bdi>
        </p>
      )}
      {api.protected ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Thalamus&apos;s own API serves its built-in scopes only.</p>
      ) : (
        <form onSubmit={submit} noValidate className="space-y-4">
          <TextField label="Scope Name" value={name} onChange={setName} error={errors.name} />
          <TextField label="Scope description" hint="Users read it on the consent page." value={description} onChange={setDescription} error={errors.description} />
          <div className="flex justify-end">
            <Button type="submit" variant="primary">
              Add Scope
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
