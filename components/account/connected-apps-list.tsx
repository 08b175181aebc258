'use client';

import { useActionState } from 'react';
import type { AccountConnectedApp } from '@/lib/account/connected-apps';
import { ActionResult } from './action-result';
import { InlineSubmit } from './inline-submit';
import type { AccountAction } from './account-action-state';

/** The applications the person allowed, what each may do, and "Remove access". */
export function ConnectedAppsList({ apps, action }: { apps: AccountConnectedApp[]; action: AccountAction }) {
  const [state, formAction] = useActionState(action, {});
  return (
    <div className="space-y-3">
      <ActionResult state={state} />
      {apps.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">No applications have access to your account.</p>
      ) : (
        <ul aria-label="Applications with access" className="divide-y divide-slate-200 dark:divide-slate-800">
          {apps.map((app) => (
            <li key={app.clientId} aria-label={app.name} className="flex flex-col gap-3 py-3 sm:flex-row sm:items-start sm:justify-between">
              <div className="min-w-0">
                <p className="font-medium">
                  <bdi>{app.name}</bdi>
                </p>
                {app.grantedAt && <p className="text-xs text-slate-500 dark:text-slate-400">Allowed {app.grantedAt.toLocaleDateString('en', { dateStyle: 'medium' })}</p>}
                <ul aria-label={`What ${app.name} may do`} className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-slate-600 dark:text-slate-400">
                  {app.scopes.map((scope) => (
                    <li key={scope.name}>
                      {scope.description} <span className="font-mono text-xs">({scope.name})</span>
                    </li>
                  ))}
                </ul>
              </div>
              <form action={formAction}>
                <input type="hidden" name="clientId" value={app.clientId} />
                <InlineSubmit variant="danger" aria-label={`Remove access for ${app.name}`}>
                  Remove access
                </InlineSubmit>
              </form>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
