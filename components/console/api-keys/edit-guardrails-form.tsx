'use client';

import { useState, type FormEvent } from 'react';
import type { ApiKeyResponse } from '@/lib/api-keys/api-key-schema';
import { updateApiKeyGuardrailsAction } from '@/lib/console/actions/api-key-actions';
import { FormActions } from '../form-actions';
import { FormAlert } from '../../hosted/form-alert';
import { errorsByField, GuardrailFields, guardrailDraft, guardrailInput } from './guardrail-fields';

/**
 * Changes a live key's guardrails. The clients it already registered are not rewritten:
 * their next write through the key has to satisfy the new ones.
 */
export function EditGuardrailsForm({
  apiKey,
  organizations,
  onCancel,
  onSaved,
}: {
  apiKey: ApiKeyResponse;
  organizations: { id: string; name: string }[];
  onCancel: () => void;
  onSaved: (key: ApiKeyResponse) => void;
}) {
  const [draft, setDraft] = useState(() => guardrailDraft(apiKey));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string>();
  const [pending, setPending] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = guardrailInput(draft);
    setPending(true);
    const result = await updateApiKeyGuardrailsAction(apiKey.id, input).finally(() => setPending(false));
    if (result.ok) return onSaved(result.data);
    setErrors(errorsByField(result.fields, input));
    setSummary(result.message);
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <FormAlert message={summary} />
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Clients the key already registered stay as they are; their next change through the key must fit the new guardrails.
      </p>
      <GuardrailFields draft={draft} onChange={setDraft} errors={errors} organizations={organizations} />
      <FormActions onCancel={onCancel} submitLabel="Save guardrails" pending={pending} pendingLabel="Saving…" />
    </form>
  );
}
