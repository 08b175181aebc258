'use client';

import { useActionState } from 'react';
import { RecoveryCodes } from '@/components/hosted/recovery-codes';
import { AccountField } from './account-field';
import { ActionResult } from './action-result';
import { InlineSubmit } from './inline-submit';
import type { AccountAction } from './account-action-state';

interface Actions {
  start: AccountAction;
  confirm: AccountAction;
  turnOff: AccountAction;
  newCodes: AccountAction;
}

/**
 * Two-step verification: set up with an authenticator app (QR code or key, then the first
 * code, then the recovery codes, shown once), or, when on, new recovery codes and
 * turning it off (with the password or a code), unless an administrator requires it.
 */
export function TwoStepSection({ enabled, required, actions }: { enabled: boolean; required: boolean; actions: Actions }) {
  const [setupState, startAction] = useActionState(actions.start, {});
  const [confirmState, confirmAction] = useActionState(actions.confirm, {});
  const [offState, offAction] = useActionState(actions.turnOff, {});
  const [codesState, codesAction] = useActionState(actions.newCodes, {});

  const codes = confirmState.recoveryCodes ?? codesState.recoveryCodes;
  if (codes) {
    return (
      <div className="space-y-3">
        <p role="status" className="text-sm font-medium text-emerald-700 dark:text-emerald-400">
          {confirmState.recoveryCodes ? 'Two-step verification is on.' : 'New recovery codes created. The old ones no longer work.'}
        </p>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Save these recovery codes somewhere safe: each one signs you in once if you lose your device. They will not be shown again.
        </p>
        <RecoveryCodes codes={codes} />
        <a href="/account" className="inline-block text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400">
          I have saved my recovery codes
        </a>
      </div>
    );
  }

  if (!enabled && setupState.setup) {
    const { qrSvg, manualKey } = setupState.setup;
    return (
      <form action={confirmAction} className="space-y-4" noValidate>
        <p className="text-sm text-slate-600 dark:text-slate-400">Scan this QR code with an authenticator app, then enter the code it shows.</p>
        <div role="img" aria-label="QR code for your authenticator app" className="w-44 rounded-md bg-white p-2" dangerouslySetInnerHTML={{ __html: qrSvg }} />
        <div className="space-y-1">
          <p className="text-sm text-slate-600 dark:text-slate-400">Can’t scan it? Enter this key instead:</p>
          <p aria-label="Setup key" className="max-w-sm rounded-md bg-slate-100 px-3 py-2 font-mono text-sm tracking-wider break-all dark:bg-slate-800">
            {manualKey.match(/.{1,4}/g)?.join(' ')}
          </p>
        </div>
        <AccountField
          form="two-step"
          label="Authentication code"
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          required
          error={confirmState.fieldErrors?.code}
        />
        <ActionResult state={confirmState} />
        <InlineSubmit>Turn on two-step verification</InlineSubmit>
      </form>
    );
  }

  if (!enabled) {
    return (
      <form action={startAction} className="space-y-3">
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Two-step verification is off. With it on, signing in also asks for a code from an authenticator app on your phone.
        </p>
        <ActionResult state={setupState} />
        <InlineSubmit>Set up two-step verification</InlineSubmit>
      </form>
    );
  }

  return (
    <div className="space-y-6">
      <p className="text-sm text-slate-600 dark:text-slate-400">Two-step verification is on: signing in asks for a code from your authenticator app.</p>
      <form action={codesAction} className="space-y-3">
        <ActionResult state={codesState} />
        <InlineSubmit variant="secondary">New recovery codes</InlineSubmit>
      </form>
      {required ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Your administrator requires two-step verification, so it cannot be turned off.</p>
      ) : (
        <form action={offAction} className="space-y-3" noValidate>
          <AccountField
            form="two-step-off"
            label="Password or code"
            name="proof"
            type="password"
            autoComplete="current-password"
            hint="Your password, a code from your app or a recovery code."
            required
            error={offState.fieldErrors?.proof}
          />
          <ActionResult state={offState} />
          <InlineSubmit variant="danger">Turn off two-step verification</InlineSubmit>
        </form>
      )}
    </div>
  );
}
