'use client';

import { useActionState, useEffect, useRef } from 'react';
import { AccountField } from './account-field';
import { ActionResult } from './action-result';
import { InlineSubmit } from './inline-submit';
import type { AccountAction } from './account-action-state';

/** A new address, confirmed by the current password; it changes once the emailed link is used. */
export function EmailForm({ action, email, verified }: { action: AccountAction; email: string; verified: boolean }) {
  const [state, formAction] = useActionState(action, {});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.message) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={formAction} className="space-y-4" noValidate>
      <p className="text-sm">
        <span className="font-medium break-all">{email}</span>{' '}
        <span className={verified ? 'text-emerald-700 dark:text-emerald-400' : 'text-amber-700 dark:text-amber-400'}>{verified ? '(verified)' : '(not verified)'}</span>
      </p>
      <AccountField
        form="email"
        label="New email address"
        name="email"
        type="email"
        autoComplete="email"
        required
        defaultValue={state.values?.email}
        error={state.fieldErrors?.email}
      />
      <AccountField form="email" label="Current password" name="current" type="password" autoComplete="current-password" required error={state.fieldErrors?.current} />
      <ActionResult state={state} />
      <InlineSubmit>Send verification link</InlineSubmit>
    </form>
  );
}
