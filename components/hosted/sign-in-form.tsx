'use client';

import { useActionState } from 'react';
import { usePathname } from 'next/navigation';
import { FORGOT_PASSWORD_PATH, withReturn } from '@/lib/account-links/link-paths';
import type { InteractionActionState } from '@/lib/oidc/interaction-action-state';
import { FormAlert } from './form-alert';
import { FormField } from './form-field';
import { SubmitButton } from './submit-button';
import { useContinue } from './use-continue';
import { PasskeySignInButton, type PasskeyActions } from './passkey-sign-in-button';

type Action = (state: InteractionActionState, form: FormData) => Promise<InteractionActionState>;

export function SignInForm({ action, cancel, passkey, loginHint }: { action: Action; cancel: () => Promise<InteractionActionState>; passkey: PasskeyActions; loginHint?: string }) {
  const [state, formAction] = useActionState(action, { email: loginHint });
  const [cancelState, cancelAction] = useActionState(cancel, {});
  useContinue(state.redirectTo ?? cancelState.redirectTo);
  const forgotPassword = withReturn(FORGOT_PASSWORD_PATH, usePathname());
  return (
    <div className="space-y-4">
      <form action={formAction} className="space-y-4" noValidate>
        <FormAlert message={state.error ?? cancelState.error} />
        <FormField
          label="Email"
          name="email"
          type="email"
          autoComplete="username webauthn"
          required
          defaultValue={state.email}
          error={state.fieldErrors?.email}
          autoFocus={!state.email}
        />
        <FormField label="Password" name="password" type="password" autoComplete="current-password" required error={state.fieldErrors?.password} autoFocus={!!state.email} />
        <SubmitButton>Sign in</SubmitButton>
      </form>
      <PasskeySignInButton label="Sign in with a passkey" actions={passkey} autofill />
      <p className="text-center text-sm">
        <a href={forgotPassword} className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
          Forgot password?
        </a>
      </p>
      <form action={cancelAction}>
        <SubmitButton variant="secondary">Cancel</SubmitButton>
      </form>
    </div>
  );
}
