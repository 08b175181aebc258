'use client';

import { useActionState } from 'react';
import type { InteractionActionState } from '@/lib/oidc/interaction-action-state';
import { FormAlert } from './form-alert';
import { SubmitButton } from './submit-button';
import { useContinue } from './use-continue';

type Action = (state: InteractionActionState, form: FormData) => Promise<InteractionActionState>;

export function ConsentForm({ action, clientName, scopes }: { action: Action; clientName: string; scopes: { name: string; description: string }[] }) {
  const [state, formAction] = useActionState(action, {});
  useContinue(state.redirectTo);
  return (
    <form action={formAction} className="space-y-5">
      <FormAlert message={state.error} />
      <p className="text-sm text-slate-600 dark:text-slate-400">
        <bdi className="font-semibold text-slate-900 dark:text-slate-100">{clientName}</bdi> would like to:
      </p>
      <ul aria-label="Requested permissions" className="space-y-2">
        {scopes.map((scope) => (
          <li key={scope.name} className="flex gap-2 text-sm">
            <span aria-hidden className="text-indigo-600 dark:text-indigo-400">
              ✓
            </span>
            <span>
              <bdi>{scope.description}</bdi> <span className="font-mono text-xs text-slate-500">({scope.name})</span>
            </span>
          </li>
        ))}
      </ul>
      <div className="grid grid-cols-2 gap-3">
        <SubmitButton variant="secondary" name="decision" value="deny">
          Deny
        </SubmitButton>
        <SubmitButton name="decision" value="allow">
          Allow
        </SubmitButton>
      </div>
    </form>
  );
}
