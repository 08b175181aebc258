'use client';

import { useActionState, useEffect, useRef } from 'react';
import { AccountField } from './account-field';
import { ActionResult } from './action-result';
import { InlineSubmit } from './inline-submit';
import type { AccountAction } from './account-action-state';

/** Current password, then the new one twice. The form clears itself after a change. */
export function PasswordForm({ action }: { action: AccountAction }) {
  const [state, formAction] = useActionState(action, {});
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state.message) form.current?.reset();
  }, [state]);
  return (
    <form ref={form} action={formAction} className="space-y-4" noValidate>
      <AccountField form="password" label="Current password" name="current" type="password" autoComplete="current-password" required error={state.fieldErrors?.current} />
      <AccountField
        form="password"
        label="New password"
        name="password"
        type="password"
        autoComplete="new-password"
        required
        hint="At least 12 characters. A long phrase is easy to remember and hard to guess."
        error={state.fieldErrors?.password}
      />
      <AccountField form="password" label="Confirm password" name="confirm" type="password" autoComplete="new-password" required error={state.fieldErrors?.confirm} />
      <ActionResult state={state} />
      <InlineSubmit>Change password</InlineSubmit>
    </form>
  );
}
