import type { SecurityEventView } from '@/lib/security-events/list-security-events';
import { Badge } from '../badge';
import { formatDate } from '../format-date';
import { revealControls } from '@/lib/text/control-characters';

/** Words for each event type, as the console shows them. */
export const SECURITY_EVENT_LABELS: Record<string, string> = {
  'sign_in.succeeded': 'Signed in',
  'sign_in.failed': 'Sign-in failed',
  'sign_in.locked': 'Sign-in locked',
  'sign_in.mfa_failed': 'Two-step code refused',
  'password.changed': 'Password changed',
  'password.reset_requested': 'Password reset requested',
  'password.reset': 'Password reset',
  'password.set': 'Password set',
  'email.changed': 'Email changed',
  'email.verified': 'Email verified',
  'mfa.enabled': 'Two-step verification on',
  'mfa.disabled': 'Two-step verification off',
  'mfa.reset': 'Two-step verification reset',
  'mfa.recovery_codes_regenerated': 'New recovery codes',
  'passkey.registered': 'Passkey added',
  'passkey.used': 'Passkey used',
  'passkey.removed': 'Passkey removed',
  'passkey.clone_detected': 'Cloned passkey refused',
  'sessions.revoked': 'Sessions revoked',
  'app.access_removed': 'App access removed',
  'account.unlocked': 'Account unlocked',
  'account.disabled': 'Account disabled',
  'account.enabled': 'Account enabled',
  'account.deleted': 'Account deleted',
};

const tone = (type: string) => (type === 'sign_in.succeeded' ? 'green' : type.startsWith('sign_in.') || type === 'passkey.clone_detected' ? 'red' : 'neutral');

/**
 * Security events, newest first: what happened, to which account, from which address and
 * browser; each row opens to its detail. Emails and browsers are shown with any control
 * character written out: an attacker chose them.
 */
export function SecurityEventsTable({ events, compact = false }: { events: SecurityEventView[]; compact?: boolean }) {
  if (!events.length) return <p className="text-sm text-slate-500">No security events recorded.</p>;
  return (
    <ol
      className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900"
      aria-label="Security events"
    >
      {events.map((event) => (
        <li key={event.id} className="px-4 py-3 text-sm">
          <details>
            <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1">
              <Badge tone={tone(event.type)}>{SECURITY_EVENT_LABELS[event.type] ?? event.type}</Badge>
              {!compact && <bdi className="text-xs">{revealControls(event.email || event.user_id || '—')}</bdi>}
              <span className="font-mono text-xs text-slate-500">{event.address}</span>
              <time className="ml-auto text-xs text-slate-500" dateTime={event.occurred_at}>
                {formatDate(event.occurred_at)}
              </time>
            </summary>
            <dl className="mt-2 space-y-1 text-xs">
              <div>
                <dt className="inline font-medium">Type: </dt>
                <dd className="inline font-mono">{event.type}</dd>
              </div>
              {event.user_id && (
                <div>
                  <dt className="inline font-medium">User ID: </dt>
                  <dd className="inline font-mono">{event.user_id}</dd>
                </div>
              )}
              <div>
                <dt className="inline font-medium">Browser: </dt>
                <dd className="inline break-all">{revealControls(event.user_agent || '—')}</dd>
              </div>
            </dl>
            <pre tabIndex={0} className="mt-2 overflow-x-auto rounded bg-slate-50 p-2 text-xs dark:bg-slate-800">
              {revealControls(JSON.stringify(event.detail, null, 2))}
            </pre>
          </details>
        </li>
      ))}
    </ol>
  );
}
