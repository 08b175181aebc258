import type { AccountSecurityEvent } from '@/lib/account/security-events';

/** The person's recent security events: what happened, when, from where. */
export function SecurityEventsList({ events }: { events: AccountSecurityEvent[] }) {
  if (!events.length) return <p className="text-sm text-slate-600 dark:text-slate-400">Nothing yet.</p>;
  return (
    <ul aria-label="Recent security events" className="divide-y divide-slate-200 text-sm dark:divide-slate-800">
      {events.map((event) => (
        <li key={event.id} className="flex flex-col gap-0.5 py-2 sm:flex-row sm:justify-between sm:gap-4">
          <span className="font-medium">{event.description}</span>
          <span className="text-slate-600 dark:text-slate-400">
            <time dateTime={event.occurredAt.toISOString()}>{event.occurredAt.toLocaleString('en', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC</time>
            {event.address ? ` · ${event.address}` : ''}
            {event.browser ? ` · ${event.browser}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}
