'use client';

import { useId } from 'react';
import { describedByFor, FieldNotes } from './form-field';

/**
 * An on/off setting: its label, a switch (named by the label, described by the hint and
 * the error) and, below, the hint and the field's error.
 */
export function SwitchField({
  label,
  checked,
  onChange,
  disabled = false,
  hint,
  error,
}: {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  disabled?: boolean;
  hint?: string;
  error?: string;
}) {
  const id = useId();
  const describedBy = describedByFor(id, hint, error);
  return (
    <div>
      <div className="flex items-center justify-between gap-4">
        <span id={`${id}-label`} className="text-sm font-medium">
          {label}
        </span>
        <button
          type="button"
          role="switch"
          aria-checked={checked}
          aria-labelledby={`${id}-label`}
          aria-describedby={describedBy}
          disabled={disabled}
          onClick={() => onChange(!checked)}
          className={`relative inline-flex h-6 w-11 shrink-0 rounded-full transition disabled:cursor-not-allowed disabled:opacity-60 ${checked ? 'bg-indigo-600' : 'bg-slate-300 dark:bg-slate-700'}`}
        >
          <span aria-hidden className={`absolute top-0.5 h-5 w-5 rounded-full bg-white shadow transition ${checked ? 'left-5.5' : 'left-0.5'}`} />
        </button>
      </div>
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}
