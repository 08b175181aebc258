'use client';

import { useActionState } from 'react';
import { FormAlert } from '@/components/hosted/form-alert';
import { SubmitButton } from '@/components/hosted/submit-button';
import type { VerifyState } from '@/app/account/actions';

export function VerifyEmailForm({ action, token, email }: { action: (state: VerifyState, form: FormData) => Promise<VerifyState>; token: string; email: string }) {
  const [state, formAction] = useActionState(action, {});
  if (state.done) {
    return (
      <p role="status" className="text-sm">
        Your email address is now <span className="font-medium break-all">{state.done}</span>.
      </p>
    );
  }
  return (
    <form action={formAction} className="space-y-4">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Use <span className="font-medium break-all text-slate-900 dark:text-slate-100">{email}</span> for your Thalamus account?
      </p>
      <input type="hidden" name="token" value={token} />
      <FormAlert message={state.error} />
      <SubmitButton>Confirm email address</SubmitButton>
    </form>
  );
}
