'use client';

import { useActionState, useState } from 'react';
import { startRegistration, WebAuthnError } from '@simplewebauthn/browser';
import type { PasskeySummary } from '@/lib/passkeys/passkey-list';
import type { passkeyRegistrationOptions } from '@/app/account/passkey-actions';
import { AccountField } from './account-field';
import { ActionResult } from './action-result';
import { InlineSubmit } from './inline-submit';
import type { AccountAction, AccountActionState } from './account-action-state';

interface Actions {
  options: typeof passkeyRegistrationOptions;
  add: (input: unknown) => Promise<AccountActionState>;
  remove: AccountAction;
}

const day = (date: Date) => date.toLocaleDateString('en', { dateStyle: 'medium' });

/**
 * The person's passkeys (name, when added, last used, "Remove") and "Add a passkey": the
 * browser asks the device or password manager to create one (WebAuthn), named here.
 */
export function PasskeysSection({ passkeys, actions }: { passkeys: PasskeySummary[]; actions: Actions }) {
  const [removeState, removeAction] = useActionState(actions.remove, {});
  const [addState, setAddState] = useState<AccountActionState>({});

  // A form action of its own (not a server action): the authenticator is asked in the
  // browser between the server's two steps. The button shows it is working throughout.
  const add = async (form: FormData) => {
    const name = String(form.get('name') ?? '');
    const start = await actions.options({ name });
    if (!start.options) return setAddState({ ...start, values: { name } });
    let response;
    try {
      response = await startRegistration({ optionsJSON: start.options });
    } catch (error) {
      return setAddState({ error: ceremonyProblem(error), values: { name } });
    }
    const result = await actions.add({ name, response });
    setAddState(result.error || result.fieldErrors ? { ...result, values: { name } } : result);
  };

  return (
    <div className="space-y-6">
      <ActionResult state={removeState} />
      {passkeys.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No passkeys yet. A passkey signs you in with your device’s screen lock or a security key, without a password.</p>
      ) : (
        <ul aria-label="Your passkeys" className="divide-y divide-slate-200 dark:divide-slate-800">
          {passkeys.map((passkey) => (
            <li key={passkey.id} aria-label={passkey.name} className="flex flex-col gap-3 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <p className="font-medium">
                  <bdi>{passkey.name}</bdi>
                  {passkey.deviceType === 'multiDevice' && <span className="ml-2 text-xs font-normal text-slate-500">Synced</span>}
                </p>
                <p className="text-xs text-slate-500 dark:text-slate-400">
                  Added {day(passkey.createdAt)} · {passkey.lastUsedAt ? `Last used ${day(passkey.lastUsedAt)}` : 'Never used'}
                </p>
                {passkey.suspendedAt && (
                  <p className="text-xs font-medium text-red-700 dark:text-red-400">Suspended {day(passkey.suspendedAt)}: a copy of it was detected. Remove it and add it again.</p>
                )}
              </div>
              <form action={removeAction}>
                <input type="hidden" name="passkeyId" value={passkey.id} />
                <InlineSubmit variant="danger" aria-label={`Remove passkey ${passkey.name}`}>
                  Remove
                </InlineSubmit>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form action={add} className="space-y-3" noValidate>
        <AccountField
          key={addState.message ?? 'new'}
          form="passkey"
          label="Passkey name"
          name="name"
          maxLength={64}
          required
          hint="Something you will recognise, like “Work laptop” or “Phone”."
          defaultValue={addState.values?.name ?? ''}
          error={addState.fieldErrors?.name}
        />
        <ActionResult state={addState} />
        <InlineSubmit>Add a passkey</InlineSubmit>
      </form>
    </div>
  );
}

/** Why the browser's ceremony stopped, in the person's words. */
function ceremonyProblem(error: unknown): string {
  if (error instanceof WebAuthnError && error.code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED') return 'This device already holds one of your passkeys.';
  if (error instanceof Error && error.name === 'NotAllowedError') return 'The passkey was not created: the request was cancelled or timed out.';
  return `The passkey was not created: ${error instanceof Error ? error.message : 'your browser refused'}.`;
}
