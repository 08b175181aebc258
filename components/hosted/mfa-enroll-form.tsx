'use client';

import { useActionState } from 'react';
import type { InteractionActionState } from '@/lib/oidc/interaction-action-state';
import { FormAlert } from './form-alert';
import { FormField } from './form-field';
import { RecoveryCodes } from './recovery-codes';
import { SubmitButton } from './submit-button';
import { useContinue } from './use-continue';

type Action = (state: InteractionActionState, form: FormData) => Promise<InteractionActionState>;

/**
 * TOTP enrollment: scan the QR code (or type the key), confirm with the first code,
 * then save the recovery codes, which are shown this once.
 */
export function MfaEnrollForm({ action, finish, qrSvg, manualKey }: { action: Action; finish: () => Promise<InteractionActionState>; qrSvg: string; manualKey: string }) {
  const [state, formAction] = useActionState(action, {});
  const [finishState, finishAction] = useActionState(finish, {});
  useContinue(finishState.redirectTo);

  if (state.recoveryCodes) {
    return (
      <form action={finishAction} className="space-y-4">
        <FormAlert message={finishState.error} />
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Two-step verification is on. Save these recovery codes somewhere safe: each one signs you in once if you lose your device. They will not be shown again.
        </p>
        <RecoveryCodes codes={state.recoveryCodes} />
        <SubmitButton>I have saved my recovery codes</SubmitButton>
      </form>
    );
  }

  return (
    <form action={formAction} className="space-y-4" noValidate>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Your account needs two-step verification. Scan this QR code with an authenticator app, then enter the code it shows.
      </p>
      <div role="img" aria-label="QR code for your authenticator app" className="mx-auto w-44 rounded-md bg-white p-2" dangerouslySetInnerHTML={{ __html: qrSvg }} />
      <div className="space-y-1">
        <p className="text-sm text-slate-600 dark:text-slate-400">Can’t scan it? Enter this key instead:</p>
        <p aria-label="Setup key" className="rounded-md bg-slate-100 px-3 py-2 text-center font-mono text-sm tracking-wider break-all dark:bg-slate-800">
          {manualKey.match(/.{1,4}/g)?.join(' ')}
        </p>
      </div>
      <FormAlert message={state.error} />
      <FormField label="Authentication code" name="code" inputMode="numeric" autoComplete="one-time-code" maxLength={7} required error={state.fieldErrors?.code} />
      <SubmitButton>Turn on two-step verification</SubmitButton>
    </form>
  );
}
