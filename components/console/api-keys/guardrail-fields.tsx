'use client';

import { useId } from 'react';
import { DEFAULT_WRITES_PER_MINUTE, type ApiKeyGuardrailsPatch, type ApiKeyResponse } from '@/lib/api-keys/api-key-schema';
import { GRANT_TYPES, type GrantType } from '@/lib/clients/client-schema';
import { GRANT_TYPE_LABELS } from '@/lib/clients/labels';
import type { FieldProblem } from '@/lib/errors/service-error';
import { FieldError, inputClass } from '../field-error';
import { FormField, TextField } from '../form-field';
import { OrganizationOptions } from '../organizations/organization-options';

/** The guardrail fields as typed: lists as text, numbers as text, "" for no limit. */
export interface GuardrailDraft {
  allowed_grant_types: GrantType[];
  allowed_scopes: string;
  allowed_redirect_hosts: string;
  organization_id: string;
  max_clients: string;
  writes_per_minute: string;
}

export function guardrailDraft(key?: ApiKeyResponse): GuardrailDraft {
  return {
    allowed_grant_types: key?.allowed_grant_types ?? [],
    allowed_scopes: key?.allowed_scopes?.join(' ') ?? '',
    allowed_redirect_hosts: key?.allowed_redirect_hosts?.join(', ') ?? '',
    organization_id: key?.organization_id ?? '',
    max_clients: key?.max_clients?.toString() ?? '',
    writes_per_minute: String(key?.writes_per_minute ?? DEFAULT_WRITES_PER_MINUTE),
  };
}

const items = (text: string) => text.split(/[\s,]+/).filter(Boolean);

/** The guardrails as the API takes them: an empty field is no limit (null); the server validates the rest. */
export function guardrailInput(draft: GuardrailDraft) {
  const list = (text: string) => (items(text).length ? items(text) : null);
  const number = (text: string) => (text.trim() === '' ? null : Number(text));
  return {
    allowed_grant_types: draft.allowed_grant_types.length ? draft.allowed_grant_types : null,
    allowed_scopes: list(draft.allowed_scopes),
    allowed_redirect_hosts: list(draft.allowed_redirect_hosts),
    organization_id: draft.organization_id || null,
    max_clients: number(draft.max_clients),
    writes_per_minute: number(draft.writes_per_minute) ?? DEFAULT_WRITES_PER_MINUTE,
  } satisfies ApiKeyGuardrailsPatch;
}

/**
 * The server's field problems by field, to show beside it. A problem with one entry of
 * a list (`allowed_scopes[1]`) names the entry, unless its message already does.
 */
export function errorsByField(problems: FieldProblem[], input: Record<string, unknown>): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const { path, message } of problems) {
    const [, field = path, index] = /^([^[]+)(?:\[(\d+)\])?/.exec(path) ?? [];
    const list = input[field];
    const entry = index !== undefined && Array.isArray(list) ? String(list[Number(index)]) : undefined;
    const text = entry && !message.includes(entry) ? `“${entry}”: ${message}` : message;
    errors[field] = errors[field] ? `${errors[field]} ${text}` : text;
  }
  return errors;
}

/**
 * What every write made with the key must stay within (lib/api-keys/check-guardrails.ts).
 * Each is optional; an empty field means no limit of that kind.
 */
export function GuardrailFields({
  draft,
  onChange,
  errors,
  organizations,
}: {
  draft: GuardrailDraft;
  onChange: (draft: GuardrailDraft) => void;
  errors: Record<string, string>;
  organizations: { id: string; name: string }[];
}) {
  const id = useId();
  const set = <K extends keyof GuardrailDraft>(key: K, value: GuardrailDraft[K]) => onChange({ ...draft, [key]: value });
  const text = (field: 'allowed_scopes' | 'allowed_redirect_hosts', label: string, placeholder: string, hint: string) => (
    <TextField label={label} value={draft[field]} placeholder={placeholder} onChange={(value) => set(field, value)} hint={hint} error={errors[field]} />
  );
  const number = (field: 'max_clients' | 'writes_per_minute', label: string, min: number, hint: string) => (
    <TextField label={label} type="number" min={min} step={1} value={draft[field]} onChange={(value) => set(field, value)} hint={hint} error={errors[field]} />
  );

  return (
    <fieldset className="space-y-4 rounded-md border border-slate-200 p-4 dark:border-slate-700">
      <legend className="px-1 text-sm font-semibold">Guardrails</legend>
      <p className="text-xs text-slate-500">Every client the key registers or changes must stay within them. Leave a field empty for no limit.</p>
      <fieldset aria-describedby={[`${id}-grants-hint`, errors.allowed_grant_types ? `${id}-grants-error` : ''].join(' ').trim()}>
        <legend className="mb-1.5 text-sm font-medium">Allowed grant types</legend>
        {GRANT_TYPES.map((grant) => (
          <label key={grant} className="mr-4 inline-flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={draft.allowed_grant_types.includes(grant)}
              onChange={(e) => {
                const next = e.target.checked ? [...draft.allowed_grant_types, grant] : draft.allowed_grant_types.filter((g) => g !== grant);
                set(
                  'allowed_grant_types',
                  GRANT_TYPES.filter((g) => next.includes(g)),
                );
              }}
            />
            {GRANT_TYPE_LABELS[grant]}
          </label>
        ))}
        <p id={`${id}-grants-hint`} className="mt-1 text-xs text-slate-500">
          None checked: any grant type.
        </p>
        <FieldError id={`${id}-grants-error`} message={errors.allowed_grant_types} />
      </fieldset>
      {text('allowed_scopes', 'Allowed scopes', 'openid profile email', 'Scopes its clients may have, separated by spaces or commas.')}
      {text(
        'allowed_redirect_hosts',
        'Allowed redirect hosts',
        'billing.example.com, *.corp.example',
        'Hosts its clients’ redirect URIs may use, e.g. billing.example.com, or *.corp.example for its subdomains.',
      )}
      <FormField label="Organization" hint="The only organization its clients may be registered in." error={errors.organization_id}>
        {(control) => (
          <select {...control} value={draft.organization_id} onChange={(e) => set('organization_id', e.target.value)} className={inputClass}>
            <option value="">Any</option>
            <OrganizationOptions organizations={organizations} />
          </select>
        )}
      </FormField>
      <div className="grid gap-4 sm:grid-cols-2">
        {number('max_clients', 'Maximum clients', 0, 'How many clients the key may register.')}
        {number('writes_per_minute', 'Writes per minute', 1, `Default ${DEFAULT_WRITES_PER_MINUTE}; more are refused with 429.`)}
      </div>
    </fieldset>
  );
}
