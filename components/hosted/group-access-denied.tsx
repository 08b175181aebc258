'use client';

import { useActionState } from 'react';
import type { InteractionActionState } from '@/lib/oidc/interaction-action-state';
import { FormAlert } from './form-alert';
import { SubmitButton } from './submit-button';
import { useContinue } from './use-continue';

/**
 * The page a user outside a client's "Allowed groups" sees: why, whom to ask, and the way
 * back to the application (which then gets access_denied).
 */
export function GroupAccessDenied({ clientName, email, leave }: { clientName: string; email: string; leave: () => Promise<InteractionActionState> }) {
  const [state, leaveAction] = useActionState(leave, {});
  useContinue(state.redirectTo);
  return (
    <div className="space-y-4">
      <FormAlert message={state.error} />
      <p className="text-sm text-slate-600 dark:text-slate-400">
        You are signed in as <bdi className="font-medium">{email}</bdi>, but <bdi className="font-medium">{clientName}</bdi> is only open to members of certain groups, and your
        account is not in any of them. Ask your administrator for access.
      </p>
      <form action={leaveAction}>
        <SubmitButton>Return to the application</SubmitButton>
      </form>
    </div>
  );
}
