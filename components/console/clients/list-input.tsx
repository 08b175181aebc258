'use client';

import { useId, useRef, useState, type ReactNode } from 'react';
import { Button } from '../button';
import { FieldError, inputClass } from '../field-error';
import { describedByFor, FieldNotes } from '../form-field';

export interface Suggestion {
  value: string;
  label?: string;
}

/**
 * A list of values entered one at a time ("enter a URL, click Add"), each removable.
 * `check` runs as an entry is added (Add or Enter) and, with `checkAsTyped`, as it is typed:
 * a refused entry stays in the field with the reason beside it, and is not added.
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
  required = false,
  hint,
  check,
  checkAsTyped = false,
  entryExtra,
}: {
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  placeholder?: string;
  errors: { list?: string; items: Record<number, string> };
  /** Offered as the admin types: a value, with a label the browser shows beside it (say, the API a scope belongs to). */
  suggestions?: Suggestion[];
  disabled?: boolean;
  required?: boolean;
  hint?: string;
  check?: (entry: string) => string | undefined;
  checkAsTyped?: boolean;
  /** Shown under an entry (say, that the registry does not know it); `errorId` names the entry's error when it has one. */
  entryExtra?: (value: string, entry: { errorId?: string }) => ReactNode;
}) {
  const [draft, setDraft] = useState('');
  const [refusal, setRefusal] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const add = () => {
    const value = draft.trim();
    if (!value) return;
    const problem = check?.(value);
    setRefusal(problem);
    if (problem) {
      input.current?.focus();
      return;
    }
    onChange([...values, value]);
    setDraft('');
  };
  // The refused entry's reason first; the list's own error (say, none added yet) stays beside it.
  const error = refusal ?? errors.list;
  const listError = refusal ? errors.list : undefined;
  const describedBy = [describedByFor(id, hint, error), listError && `${id}-list-error`].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="space-y-2" disabled={disabled}>
      <legend className="text-sm font-medium">
        {label}
        {required && (
          <>
            {' '}
            <span className="text-red-600">*</span>
          </>
        )}
      </legend>
      <div>
        <div className="flex gap-2">
          <input
            ref={input}
            aria-label={label}
            value={draft}
            list={suggestions ? `${id}-suggestions` : undefined}
            placeholder={placeholder}
            onChange={(event) => {
              setDraft(event.target.value);
              setRefusal(checkAsTyped && event.target.value.trim() ? check?.(event.target.value.trim()) : undefined);
            }}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                add();
              }
            }}
            aria-invalid={error ? true : undefined}
            aria-describedby={describedBy}
            className={inputClass}
          />
          <Button onClick={add}>Add</Button>
        </div>
        <FieldNotes id={id} hint={hint} error={error} />
        <FieldError id={`${id}-list-error`} message={listError} />
      </div>
      {suggestions && (
        <datalist id={`${id}-suggestions`}>
          {suggestions
            .filter((s) => !values.includes(s.value))
            .map((s) => (
              <option key={s.value} value={s.value} label={s.label} />
            ))}
        </datalist>
      )}
      {values.length > 0 && (
        <ul aria-label={label} className="space-y-1">
          {values.map((value, index) => {
            const itemError = errors.items[index];
            const errorId = itemError ? `${id}-item-${index}-error` : undefined;
            return (
              <li key={value} className="rounded-md bg-slate-50 px-3 py-1.5 dark:bg-slate-800/60">
                <div className="flex items-center justify-between gap-2">
                  <span className="font-mono text-sm break-all">{value}</span>
                  <button
                    type="button"
                    aria-label={`Remove ${value}`}
                    aria-describedby={errorId}
                    onClick={() => onChange(values.filter((v) => v !== value))}
                    className="shrink-0 rounded px-1 text-slate-500 hover:bg-slate-200 hover:text-slate-900 dark:hover:bg-slate-700"
                  >
                    ✕
                  </button>
                </div>
                {entryExtra?.(value, { errorId })}
                {itemError && (
                  <p id={errorId} className="mt-1 text-sm text-red-600 dark:text-red-400">
                    {itemError}
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </fieldset>
  );
}
