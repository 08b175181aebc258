'use client';

import { useActionState, useEffect, useRef } from 'react';
import { AccountField } from './account-field';
import { ActionResult } from './action-result';
import { InlineSubmit } from './inline-submit';
import type { AccountAction } from './account-action-state';

/**
 * A new address, confirmed by the current password; it changes once the emailed link is
 * used. While the current address is unverified, "Verify this address" sends it a link.
 */
export function EmailForm({ action, verify, email, verified }: { action: AccountAction; verify: AccountAction; email: string; verified: boolean }) {
  const [state, formAction] = useActionState(action, {});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.message) form.current?.reset();
  }, [state]);
  return (
    <div className="space-y-4">
      <p className="text-sm">
        <span className="font-medium break-all">{email}</span>{' '}
        <span className={verified ? 'text-emerald-700 dark:text-emerald-400' : 'text-amber-700 dark:text-amber-400'}>{verified ? '(verified)' : '(not verified)'}</span>
      </p>
      {!verified && <VerifyCurrentAddress action={verify} />}
      <form ref={form} action={formAction} className="space-y-4" noValidate>
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
    </div>
  );
}

function VerifyCurrentAddress({ action }: { action: AccountAction }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <form action={formAction} aria-label="Verify this address" className="space-y-2">
      <ActionResult state={state} />
      {!state.message && <InlineSubmit>Verify this address</InlineSubmit>}
    </form>
  );
}
