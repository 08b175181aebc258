import type { AuditEventView } from '@/lib/audit/list-audit-events';
import { Badge } from '../badge';
import { formatDate } from '../format-date';
import { revealControls } from '@/lib/text/control-characters';

const actorTone = { admin: 'indigo', api_key: 'amber', cli: 'neutral', system: 'neutral' } as const;
const actorName = { admin: 'Admin', api_key: 'API key', cli: 'CLI', system: 'System' } as const;

/**
 * Audit events, newest first; each row can be opened to see what changed. Names in the
 * changes are shown with any control or text-direction character written out (`\u202E`):
 * here they are evidence.
 */
export function AuditTable({ events, compact = false }: { events: AuditEventView[]; compact?: boolean }) {
  if (!events.length) return <p className="text-sm text-slate-500">No changes recorded.</p>;
  return (
    <ol className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900" aria-label="Audit events">
      {events.map((event) => (
        <li key={event.id} className="px-4 py-3 text-sm">
          <details>
            <summary className="flex cursor-pointer flex-wrap items-center gap-x-3 gap-y-1">
              <span className="font-mono text-xs font-semibold">{event.action}</span>
              {!compact && (
                <span className="font-mono text-xs text-slate-500">
                  {event.target_type} <bdi>{event.target_id}</bdi>
                </span>
              )}
              <Badge tone={actorTone[event.actor_type as keyof typeof actorTone] ?? 'neutral'}>{actorName[event.actor_type as keyof typeof actorName] ?? event.actor_type}</Badge>
              <bdi className="text-xs">{event.actor_label}</bdi>
              <time className="ml-auto text-xs text-slate-500" dateTime={event.occurred_at}>
                {formatDate(event.occurred_at)}
              </time>
            </summary>
            <pre tabIndex={0} className="mt-2 overflow-x-auto rounded bg-slate-50 p-2 text-xs dark:bg-slate-800">
              {revealControls(JSON.stringify(event.changes, null, 2))}
            </pre>
          </details>
        </li>
      ))}
    </ol>
  );
}
