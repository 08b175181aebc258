'use client';

import { useActionState } from 'react';
import type { LinkFormState } from '@/lib/account-links/link-form-state';
import { FormAlert } from './form-alert';
import { FormField } from './form-field';
import { SubmitButton } from './submit-button';
import { TextLink } from './text-link';

type Action = (state: LinkFormState, form: FormData) => Promise<LinkFormState>;

/** "Forgot password?": the email to send a reset link to. A plain form post without JavaScript. */
export function ForgotPasswordForm({ action, returnTo }: { action: Action; returnTo?: string }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <div className="space-y-4">
      <form action={formAction} className="space-y-4" noValidate>
        <p className="text-sm text-slate-600 dark:text-slate-400">Enter the email you sign in with. We will send you a link to choose a new password.</p>
        <FormAlert message={state.error} />
        {returnTo && <input type="hidden" name="return" value={returnTo} />}
        <FormField label="Email" name="email" type="email" autoComplete="username" required autoFocus defaultValue={state.email} error={state.fieldErrors?.email} />
        <SubmitButton>Send reset link</SubmitButton>
      </form>
      {returnTo && (
        <p className="text-center text-sm">
          <TextLink href={returnTo}>Back to sign in</TextLink>
        </p>
      )}
    </div>
  );
}
