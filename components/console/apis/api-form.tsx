'use client';

import { useState, type FormEvent } from 'react';
import type { FieldProblem } from '@/lib/errors/service-error';
import { FormActions } from '../form-actions';
import { FormField, TextField } from '../form-field';

export interface ApiFormValues {
  name: string;
  identifier: string;
  description: string;
  access_token_format: 'jwt' | 'opaque';
  access_token_lifetime: number;
}

/** Create API: name, identifier (the tokens' `aud`), description, token format and lifetime. */
export function ApiForm({ onSubmit, onCancel }: { onSubmit: (values: ApiFormValues) => Promise<{ message: string; fields: FieldProblem[] } | undefined>; onCancel: () => void }) {
  const [values, setValues] = useState<ApiFormValues>({ name: '', identifier: '', description: '', access_token_format: 'jwt', access_token_lifetime: 3600 });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const set =
    <K extends keyof ApiFormValues>(key: K) =>
    (value: ApiFormValues[K]) =>
      setValues((current) => ({ ...current, [key]: value }));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    const failure = await onSubmit(values);
    setPending(false);
    if (failure) setErrors(Object.fromEntries(failure.fields.length ? failure.fields.map((f) => [f.path, f.message]) : [['name', failure.message]]));
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <TextField label="Name" required value={values.name} onChange={set('name')} error={errors.name} />
      <TextField
        label="Identifier"
        required
        hint="An https:// URL or urn: name: the audience (aud) of the API's tokens. It cannot change later."
        value={values.identifier}
        onChange={set('identifier')}
        error={errors.identifier}
      />
      <TextField label="Description" value={values.description} onChange={set('description')} error={errors.description} />
      <FormField label="Access token format" hint="JWT: the API verifies tokens itself (RFC 9068). Opaque: it asks introspection." error={errors.access_token_format}>
        {(control) => (
          <select
            {...control}
            value={values.access_token_format}
            onChange={(event) => set('access_token_format')(event.target.value as ApiFormValues['access_token_format'])}
            className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-900"
          >
            <option value="jwt">JWT</option>
            <option value="opaque">Opaque</option>
          </select>
        )}
      </FormField>
      <TextField
        label="Token lifetime (seconds)"
        inputMode="numeric"
        value={String(values.access_token_lifetime)}
        onChange={(value) => set('access_token_lifetime')(Number(value))}
        error={errors.access_token_lifetime}
      />
      <FormActions onCancel={onCancel} submitLabel="Create API" pending={pending} pendingLabel="Creating…" />
    </form>
  );
}
