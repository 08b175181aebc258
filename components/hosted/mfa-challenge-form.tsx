'use client';

import { useActionState, useState } from 'react';
import type { InteractionActionState } from '@/lib/oidc/interaction-action-state';
import { FormAlert } from './form-alert';
import { FormField } from './form-field';
import { SubmitButton } from './submit-button';
import { useContinue } from './use-continue';

type Action = (state: InteractionActionState, form: FormData) => Promise<InteractionActionState>;

export function MfaChallengeForm({ action }: { action: Action }) {
  const [state, formAction] = useActionState(action, {});
  const [recovery, setRecovery] = useState(false);
  useContinue(state.redirectTo);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {recovery ? 'Enter one of the recovery codes you saved when you set up two-step verification.' : 'Enter the 6-digit code from your authenticator app.'}
      </p>
      <FormAlert message={state.error} />
      {recovery ? (
        <FormField
          key="recovery"
          label="Recovery code"
          name="code"
          autoComplete="off"
          autoCapitalize="none"
          spellCheck={false}
          required
          autoFocus
          error={state.fieldErrors?.code}
        />
      ) : (
        <FormField
          key="totp"
          label="Authentication code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={7}
          required
          autoFocus
          error={state.fieldErrors?.code}
        />
      )}
      <SubmitButton>Verify</SubmitButton>
      <button type="button" onClick={() => setRecovery(!recovery)} className="w-full text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400">
        {recovery ? 'Use your authenticator app' : 'Use a recovery code'}
      </button>
    </form>
  );
}
