'use client';

import { useEffect, useEffectEvent, useRef, type ReactNode } from 'react';
import type { UserSummary } from '@/lib/users/list-users';
import type { UserSessionsView } from '@/lib/users/user-activity';
import type { AuditEventView } from '@/lib/audit/list-audit-events';
import type { SecurityEventView } from '@/lib/security-events/list-security-events';
import { AuditTable } from '../audit/audit-table';
import { SecurityEventsTable } from '../audit/security-events-table';
import { Badge } from '../badge';
import { CopyButton } from '../copy-button';
import { formatDate } from '../format-date';
import { UserDetailsActions, type UserDetailsHandlers } from './user-details-actions';
import { UserPasskeys } from './user-passkeys';
import { DetailItem } from '../detail-item';

const roleLabel: Record<string, string> = { user: 'User', admin: 'Admin', super_admin: 'Super admin' };

/**
 * Everything about one user, with its actions: status, sign-in sessions and connected
 * apps (read from the provider's records), their security events and the changes made
 * to the account. Laid out like the client details: beside the list on wide screens, a
 * sheet over it below that. Escape closes it.
 */
export function UserDetailsPanel({
  user,
  activity,
  securityEvents,
  history,
  handlers,
  onClose,
}: {
  user: UserSummary;
  activity: UserSessionsView;
  securityEvents: SecurityEventView[];
  history: AuditEventView[];
  handlers: UserDetailsHandlers;
  onClose: () => void;
}) {
  const panel = useRef<HTMLElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const onEscape = useEffectEvent((event: KeyboardEvent) => {
    if (event.key === 'Escape' && !document.querySelector('dialog[open]')) onClose();
  });
  useEffect(() => {
    document.addEventListener('keydown', onEscape);
    return () => document.removeEventListener('keydown', onEscape);
  }, []);
  useEffect(() => {
    if (panel.current && getComputedStyle(panel.current).position === 'fixed') closeButton.current?.focus();
  }, [user.id]);
  return (
    <aside
      ref={panel}
      aria-label="User Details"
      className="fixed inset-0 z-40 overflow-y-auto bg-white p-4 sm:left-auto sm:w-[28rem] sm:border-l sm:border-slate-200 sm:p-6 sm:shadow-[0_0_0_100vmax_rgb(2_6_23/0.4)] wide:sticky wide:top-14 wide:z-auto wide:h-[calc(100vh-3.5rem)] wide:w-[22rem] wide:shrink-0 wide:shadow-none dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="mb-5 flex items-start justify-between gap-3">
        <div className="min-w-0">
          <p className="text-xs font-semibold tracking-wide text-slate-500 uppercase">User Details</p>
          <h2 className="truncate text-lg font-semibold" title={user.email}>
            <bdi>{user.email}</bdi>
          </h2>
          {user.name && (
            <p className="truncate text-sm text-slate-500">
              <bdi>{user.name}</bdi>
            </p>
          )}
        </div>
        <button ref={closeButton} type="button" aria-label="Close details" onClick={onClose} className="rounded p-1 text-slate-500 hover:bg-slate-100 dark:hover:bg-slate-800">
          ✕
        </button>
      </div>
      <dl className="space-y-4 text-sm">
        <DetailItem label="User ID">
          <span className="flex items-center gap-1 font-mono break-all">
            {user.id}
            <CopyButton value={user.id} label="Copy User ID" />
          </span>
        </DetailItem>
        <DetailItem label="Status">
          <span className="flex flex-wrap gap-1">
            {user.disabled ? <Badge tone="red">Disabled</Badge> : <Badge tone="green">Active</Badge>}
            {user.lockedUntil && <Badge tone="amber">Locked</Badge>}
          </span>
          {user.lockedUntil && <span className="mt-1 block text-xs text-slate-500">Too many failed sign-ins: locked until {formatDate(user.lockedUntil)}</span>}
        </DetailItem>
        <DetailItem label="Source">{user.source ? <bdi>{user.source}</bdi> : 'Thalamus (local account)'}</DetailItem>
        <DetailItem label="Role">{roleLabel[user.role] ?? user.role}</DetailItem>
        <DetailItem label="Email verified">{user.emailVerified ? 'Yes' : 'No'}</DetailItem>
        <DetailItem label="Two-step verification">{user.mfaEnabled ? 'On' : user.mfaRequired ? 'Required at next sign-in' : 'Off'}</DetailItem>
        <DetailItem label="Last sign-in">{user.lastLoginAt ? formatDate(user.lastLoginAt) : 'Never'}</DetailItem>
        <DetailItem label="Created">{formatDate(user.createdAt)}</DetailItem>
      </dl>
      <UserDetailsActions user={user} handlers={handlers} />
      <Section title="Sessions">
        {activity.sessions.length ? (
          <ul className="space-y-2 text-xs" aria-label="Sessions">
            {activity.sessions.map((session) => (
              <li key={session.uid} className="rounded border border-slate-200 p-2 dark:border-slate-800">
                <bdi className="block break-all">{session.user_agent || 'Unknown browser'}</bdi>
                <span className="text-slate-500">
                  {session.address || 'unknown address'} · last seen {session.last_seen_at ? formatDate(session.last_seen_at) : '—'}
                  {session.client_ids.length ? ` · ${session.client_ids.join(', ')}` : ''}
                </span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">Not signed in anywhere.</p>
        )}
      </Section>
      <Section title="Connected apps">
        {activity.connected_apps.length ? (
          <ul className="space-y-2 text-xs" aria-label="Connected apps">
            {activity.connected_apps.map((app) => (
              <li key={app.client_id} className="rounded border border-slate-200 p-2 dark:border-slate-800">
                <bdi className="block font-medium">{app.name}</bdi>
                <span className="text-slate-500">{app.scopes.join(' ') || 'no scopes'}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-slate-500">No applications allowed.</p>
        )}
      </Section>
      <UserPasskeys key={user.id} userId={user.id} />
      <Section title="Security events">
        <SecurityEventsTable events={securityEvents} compact />
      </Section>
      <Section title="History">
        <AuditTable events={history} compact />
      </Section>
    </aside>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="mt-6">
      <h3 className="mb-2 text-xs font-semibold tracking-wide text-slate-500 uppercase">{title}</h3>
      {children}
    </section>
  );
}
