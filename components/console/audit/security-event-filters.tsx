import { SECURITY_EVENT_TYPES } from '@/lib/security-events/record-security-event';
import type { SecurityEventQuery } from '@/lib/security-events/list-security-events';
import { SECURITY_EVENT_LABELS } from './security-events-table';

const control = 'rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-950';

/** The security events' filters: a plain GET form, so a filtered view is a URL one can share. */
export function SecurityEventFilters({ query }: { query: SecurityEventQuery }) {
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter the security events">
      <input type="hidden" name="view" value="security" />
      <label className="text-sm">
        <span className="mb-1 block font-medium">Event</span>
        <select name="type" defaultValue={query.type ?? ''} className={control}>
          <option value="">Any event</option>
          {SECURITY_EVENT_TYPES.map((type) => (
            <option key={type} value={type}>
              {SECURITY_EVENT_LABELS[type] ?? type}
            </option>
          ))}
        </select>
      </label>
      <label className="text-sm">
        <span className="mb-1 block font-medium">User</span>
        <input name="user" defaultValue={query.user ?? ''} placeholder="Email or user ID" className={control} />
      </label>
      <button type="submit" className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white hover:bg-indigo-500">
        Filter
      </button>
    </form>
  );
}
