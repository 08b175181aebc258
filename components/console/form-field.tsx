'use client';

import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { FieldError, inputClass } from './field-error';

/** What a field's control needs to be named, described and marked invalid by its row. */
export interface FieldControl {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

/**
 * One row of a form: the label, the control, a hint and the field's error. The hint and
 * the error describe the control, so a screen reader reads them with it.
 */
export function FormField({
  label,
  required = false,
  hint,
  error,
  children,
}: {
  label: ReactNode;
  required?: boolean;
  hint?: ReactNode;
  error?: string;
  children: (control: FieldControl) => ReactNode;
}) {
  const id = useId();
  const describedBy = describedByFor(id, hint, error);
  return (
    <div>
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium">
        {label}
        {required && (
          <>
            {' '}
            <span className="text-red-600">*</span>
          </>
        )}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      <FieldNotes id={id} hint={hint} error={error} />
    </div>
  );
}

/** The ids of a field's hint and error, for the control's `aria-describedby` (undefined when it has neither). */
export function describedByFor(id: string, hint: unknown, error: string | undefined): string | undefined {
  return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].join(' ').trim() || undefined;
}

/** Below a field's control: its hint and its error, with the ids describedByFor names. */
export function FieldNotes({ id, hint, error }: { id: string; hint?: ReactNode; error?: string }) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} message={error} />
    </>
  );
}

/** A form row with a one-line text input (any `type`: email, password, date, number). */
export function TextField({
  label,
  required,
  hint,
  error,
  onChange,
  ...input
}: {
  label: ReactNode;
  required?: boolean;
  hint?: ReactNode;
  error?: string;
  onChange: (value: string) => void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange' | 'className'>) {
  return (
    <FormField label={label} required={required} hint={hint} error={error}>
      {(control) => <input {...input} {...control} onChange={(e) => onChange(e.target.value)} className={inputClass} />}
    </FormField>
  );
}
