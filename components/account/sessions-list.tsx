'use client';

import { useActionState } from 'react';
import type { AccountSessionRow } from '@/lib/account/account-sessions';
import { ActionResult } from './action-result';
import { InlineSubmit } from './inline-submit';
import type { AccountAction } from './account-action-state';

function when(date: Date | null) {
  return date ? date.toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) + ' UTC' : 'unknown';
}

/** Where the person is signed in, this browser marked, and "Sign out everywhere else". */
export function SessionsList({ sessions, action }: { sessions: AccountSessionRow[]; action: AccountAction }) {
  const [state, formAction] = useActionState(action, {});
  const others = sessions.filter((s) => !s.current).length;
  return (
    <div className="space-y-3">
      <ul aria-label="Signed-in sessions" className="divide-y divide-slate-200 dark:divide-slate-800">
        {sessions.map((session) => (
          <li key={session.id} className="py-3">
            <p className="font-medium">
              {session.browser}
              {session.current && (
                <span className="ml-2 rounded-full bg-emerald-100 px-2 py-0.5 text-xs font-medium text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300">This device</span>
              )}
            </p>
            <p className="text-sm text-slate-600 dark:text-slate-400">
              {session.address ? `${session.address} · ` : ''}Last seen {when(session.lastSeenAt)}
            </p>
          </li>
        ))}
      </ul>
      <ActionResult state={state} />
      {others > 0 && (
        <form action={formAction}>
          <InlineSubmit variant="danger">Sign out everywhere else</InlineSubmit>
        </form>
      )}
    </div>
  );
}
