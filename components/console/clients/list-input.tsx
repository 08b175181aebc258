'use client';

import { useId, useState } from 'react';
import { Button } from '../button';
import { FieldError, inputClass } from '../field-error';

/**
 * A list of values entered one at a time ("enter a URL, click Add"), each removable.
 * Errors for the list and for single entries (`path[index]`) appear beside them.
 */
export function ListInput({
  label,
  values,
  onChange,
  placeholder,
  errors,
  suggestions,
  disabled,
  hint,
}: {
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  placeholder?: string;
  errors: { list?: string; items: Record<number, string> };
  suggestions?: string[];
  disabled?: boolean;
  hint?: string;
}) {
  const [draft, setDraft] = useState('');
  const id = useId();
  const add = () => {
    const value = draft.trim();
    if (!value) return;
    if (!values.includes(value)) onChange([...values, value]);
    setDraft('');
  };
  return (
    <fieldset className="space-y-2" disabled={disabled}>
      <legend className="text-sm font-medium">{label}</legend>
      {hint && <p className="text-xs text-slate-500">{hint}</p>}
      <div className="flex gap-2">
        <input
          aria-label={label}
          value={draft}
          list={suggestions ? `${id}-suggestions` : undefined}
          placeholder={placeholder}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              add();
            }
          }}
          aria-invalid={errors.list ? true : undefined}
          aria-describedby={errors.list ? `${id}-error` : undefined}
          className={inputClass}
        />
        <Button onClick={add}>Add</Button>
      </div>
      {suggestions && (
        <datalist id={`${id}-suggestions`}>
          {suggestions
            .filter((s) => !values.includes(s))
            .map((s) => (
              <option key={s} value={s} />
            ))}
        </datalist>
      )}
      <FieldError id={`${id}-error`} message={errors.list} />
      {values.length > 0 && (
        <ul aria-label={label} className="space-y-1">
          {values.map((value, index) => (
            <li key={value} className="rounded-md bg-slate-50 px-3 py-1.5 dark:bg-slate-800/60">
              <div className="flex items-center justify-between gap-2">
                <span className="font-mono text-sm break-all">{value}</span>
                <button
                  type="button"
                  aria-label={`Remove ${value}`}
                  onClick={() => onChange(values.filter((v) => v !== value))}
                  className="shrink-0 rounded px-1 text-slate-500 hover:bg-slate-200 hover:text-slate-900 dark:hover:bg-slate-700"
                >
                  ✕
                </button>
              </div>
              {errors.items[index] && <p className="mt-1 text-sm text-red-600 dark:text-red-400">{errors.items[index]}</p>}
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
