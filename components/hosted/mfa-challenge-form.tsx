'use client';

import { useActionState, useState } from 'react';
import type { InteractionActionState } from '@/lib/oidc/interaction-action-state';
import { FormAlert } from './form-alert';
import { FormField } from './form-field';
import { SubmitButton } from './submit-button';
import { useContinue } from './use-continue';
import { PasskeySignInButton, type PasskeyActions } from './passkey-sign-in-button';

type Action = (state: InteractionActionState, form: FormData) => Promise<InteractionActionState>;

/**
 * The second step after a password: a code from the authenticator app (or a recovery
 * code), and "Use a passkey" when the person has one. `totp: false` offers the passkey only.
 */
export function MfaChallengeForm({ action, passkey, totp = true }: { action: Action; passkey?: PasskeyActions; totp?: boolean }) {
  const passkeyStep = passkey && <PasskeySignInButton label="Use a passkey" actions={passkey} />;
  if (!totp) {
    return (
      <div className="space-y-4">
        <p className="text-sm text-slate-600 dark:text-slate-400">Use your passkey to finish signing in.</p>
        {passkeyStep}
      </div>
    );
  }
  return (
    <div className="space-y-4">
      <CodeForm action={action} />
      {passkeyStep}
    </div>
  );
}

function CodeForm({ action }: { action: Action }) {
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
