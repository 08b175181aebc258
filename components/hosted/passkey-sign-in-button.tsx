'use client';

import { useEffect, useState } from 'react';
import { browserSupportsWebAuthnAutofill, startAuthentication, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/browser';
import type { InteractionActionState } from '@/lib/oidc/interaction-action-state';
import { FormAlert } from './form-alert';
import { useContinue } from './use-continue';

export interface PasskeyActions {
  options: () => Promise<InteractionActionState & { options?: PublicKeyCredentialRequestOptionsJSON }>;
  verify: (response: unknown) => Promise<InteractionActionState>;
}

/**
 * A passkey sign-in step: the button asks the browser for a passkey of this site (WebAuthn
 * navigator.credentials.get()), and the server checks its answer. With `autofill`, the
 * Email field's suggestions offer the person's passkeys too (conditional mediation,
 * WebAuthn §5.1.4 `mediation: "conditional"`), so no email is typed at all.
 */
export function PasskeySignInButton({ label, actions, autofill = false }: { label: string; actions: PasskeyActions; autofill?: boolean }) {
  const [state, setState] = useState<InteractionActionState>({});
  const [pending, setPending] = useState(false);
  useContinue(state.redirectTo);

  const ceremony = async (useBrowserAutofill: boolean) => {
    const start = await actions.options();
    if (!start.options) return setState(start);
    let response;
    try {
      response = await startAuthentication({ optionsJSON: start.options, useBrowserAutofill });
    } catch (error) {
      // An autofill request ends quietly when the button starts its own (AbortError).
      if (useBrowserAutofill) return;
      return setState({ error: ceremonyProblem(error) });
    }
    setState(await actions.verify(response));
  };

  useEffect(() => {
    if (!autofill) return;
    void browserSupportsWebAuthnAutofill().then((supported) => (supported ? ceremony(true) : undefined));
    // Once per page: a new request would abort the one the Email field shows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const onClick = async () => {
    setPending(true);
    setState({});
    try {
      await ceremony(false);
    } finally {
      setPending(false);
    }
  };

  return (
    <div className="space-y-3">
      <FormAlert message={state.error} />
      <button
        type="button"
        onClick={onClick}
        disabled={pending}
        aria-disabled={pending}
        className="inline-flex w-full items-center justify-center rounded-md border border-slate-300 bg-transparent px-4 py-2 text-sm font-semibold hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600 dark:border-slate-700 dark:hover:bg-slate-800"
      >
        {label}
      </button>
    </div>
  );
}

function ceremonyProblem(error: unknown): string {
  if (error instanceof Error && error.name === 'NotAllowedError') return 'No passkey was used: the request was cancelled or timed out.';
  if (error instanceof Error && error.name === 'SecurityError') return 'Passkeys do not work at this address. Use the address your administrator gave you.';
  return `No passkey was used: ${error instanceof Error ? error.message : 'your browser refused'}.`;
}
