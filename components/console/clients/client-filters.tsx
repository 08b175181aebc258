'use client';

import type { ClientListQuery } from '@/lib/clients/list-clients';
import { CLIENT_FACETS, NO_OWNER } from '@/lib/clients/client-facet-fields';
import type { ClientFacetCounts } from '@/lib/clients/client-facets';
import { GRANT_TYPE_LABELS } from '@/lib/clients/labels';
import { GRANT_TYPES } from '@/lib/clients/client-schema';
import { Button } from '../button';
import { ToolbarFilter } from '../data-table-toolbar';

/** Whether the list is narrowed by any filter (the search box aside). */
export function clientListFiltered(query: ClientListQuery): boolean {
  return query.is_default !== undefined || CLIENT_FACETS.some((facet) => query[facet] !== undefined);
}

/**
 * The client list's facets, each a select whose options carry their counts: how many
 * clients the list would show with that option instead, for the current search and the
 * other filters (lib/clients/client-facets.ts). The choices live in the URL.
 */
export function ClientFilters({
  query,
  facets,
  organizations,
  owners,
  onChange,
}: {
  query: ClientListQuery;
  facets: ClientFacetCounts;
  organizations: { id: string; name: string }[];
  /** API key ID → how the Owner filter names it. */
  owners: Record<string, string>;
  onChange: (changes: Record<string, string | undefined>) => void;
}) {
  const set = (facet: string) => (value: string | undefined) => onChange({ [facet]: value, page: undefined });
  const counted = (label: string, count: number | undefined) => `${label} (${count ?? 0})`;
  const ownerIds = Object.keys(facets.owner).filter((id) => id !== NO_OWNER);
  return (
    <div role="group" aria-label="Filters" className="mb-4 flex flex-wrap items-center gap-3">
      <ToolbarFilter label="Grant Type" value={query.grant_type} onChange={set('grant_type')}>
        <option value="">All grant types</option>
        {GRANT_TYPES.map((grant) => (
          <option key={grant} value={grant}>
            {counted(GRANT_TYPE_LABELS[grant], facets.grant_type[grant])}
          </option>
        ))}
      </ToolbarFilter>
      <ToolbarFilter label="Status" value={query.status} onChange={set('status')}>
        <option value="">All statuses</option>
        <option value="enabled">{counted('Enabled', facets.status.enabled)}</option>
        <option value="disabled">{counted('Disabled', facets.status.disabled)}</option>
      </ToolbarFilter>
      <ToolbarFilter label="Client Type" value={query.client_kind} onChange={set('client_kind')}>
        <option value="">Public and confidential</option>
        <option value="public">{counted('Public', facets.client_kind.public)}</option>
        <option value="confidential">{counted('Confidential', facets.client_kind.confidential)}</option>
      </ToolbarFilter>
      <ToolbarFilter label="Organization" value={query.organization_id} onChange={set('organization_id')} className="max-w-60">
        <option value="">All organizations</option>
        {organizations.map((org) => (
          <option key={org.id} value={org.id}>
            {counted(org.name, facets.organization_id[org.id])}
          </option>
        ))}
      </ToolbarFilter>
      <ToolbarFilter label="Owner" value={query.owner} onChange={set('owner')} className="max-w-60">
        <option value="">All owners</option>
        <option value={NO_OWNER}>{counted('Console or CLI', facets.owner[NO_OWNER])}</option>
        {ownerIds.map((id) => (
          <option key={id} value={id}>
            {counted(`API key ${owners[id] ?? id}`, facets.owner[id])}
          </option>
        ))}
      </ToolbarFilter>
      <ToolbarFilter label="Last used" value={query.not_used_days} onChange={set('not_used_days')}>
        <option value="">Any time</option>
        <option value="30">{counted('Not used for 30 days', facets.not_used_days['30'])}</option>
        <option value="90">{counted('Not used for 90 days', facets.not_used_days['90'])}</option>
      </ToolbarFilter>
      {clientListFiltered(query) && (
        <Button variant="ghost" onClick={() => onChange({ ...Object.fromEntries(CLIENT_FACETS.map((facet) => [facet, undefined])), is_default: undefined, page: undefined })}>
          Clear filters
        </Button>
      )}
    </div>
  );
}
