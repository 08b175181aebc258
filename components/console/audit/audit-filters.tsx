import type { ReactNode } from 'react';
import type { AuditQuery } from '@/lib/audit/list-audit-events';

const control = 'rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-950';

/** The choices of each filter, "any" first. */
const CHOICES = {
  actor_type: { label: 'Actor', options: { '': 'Anyone', admin: 'Admin', api_key: 'API key', cli: 'CLI' } },
  target_type: { label: 'Target', options: { '': 'Anything', client: 'Client', api_key: 'API key', scope: 'Scope', resource: 'API', user: 'User' } },
} as const;

function Filter({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="text-sm">
      <span className="mb-1 block font-medium">{label}</span>
      {children}
    </label>
  );
}

/**
 * The audit log's filters: a plain GET form, so a filtered log is a URL one can share,
 * and it works before any script runs.
 */
export function AuditFilters({ query }: { query: AuditQuery }) {
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter the audit log">
      {(['actor_type', 'target_type'] as const).map((name) => (
        <Filter key={name} label={CHOICES[name].label}>
          <select name={name} defaultValue={query[name] ?? ''} className={control}>
            {Object.entries(CHOICES[name].options).map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
        </Filter>
      ))}
      <Filter label="Target ID">
        <input name="target_id" defaultValue={query.target_id ?? ''} className={control} />
      </Filter>
      <button type="submit" className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white hover:bg-indigo-500">
        Filter
      </button>
    </form>
  );
}
