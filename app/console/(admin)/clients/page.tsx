import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getDb } from '@/lib/db/client';
import { issuer } from '@/lib/config/env';
import { parseListQuery } from '@/lib/db/list-query';
import { consoleAccess } from '@/lib/console/require-admin';
import { clientListQuerySchema, listClientFacets, listClients } from '@/lib/clients/list-clients';
import { getClient } from '@/lib/clients/get-client';
import { listAuditEvents } from '@/lib/audit/list-audit-events';
import { grantableScopes } from '@/lib/scopes/known-scopes';
import { listResources } from '@/lib/resources/resource-service';
import { ClientsView } from '@/components/console/clients/clients-view';

export const metadata: Metadata = { title: 'OAuth Clients' };

type Search = Record<string, string | string[] | undefined>;

export default async function ClientsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const access = await consoleAccess();
  if (access.status !== 'admin') redirect('/console/sign-in');
  const raw = await searchParams;
  const query = parseListQuery(clientListQuerySchema, raw);
  const db = await getDb();
  const selectedId = Array.isArray(raw.client) ? raw.client[0] : raw.client;
  const [page, facets, selected, history, scopes, apis] = await Promise.all([
    listClients(db, query),
    listClientFacets(db, query),
    selectedId ? getClient(db, selectedId).catch(() => undefined) : undefined,
    selectedId ? listAuditEvents(db, { target_type: 'client', target_id: selectedId, page: 1, page_size: 20 }) : undefined,
    grantableScopes(db),
    listResources(db),
  ]);
  const ownerKeys = await db.apiKey.findMany({ where: { id: { in: Object.keys(facets.owner) } }, select: { id: true, name: true, hint: true } });
  const organizations = await db.organization.findMany({ select: { id: true, name: true }, orderBy: [{ isDefault: 'desc' }, { name: 'asc' }] });
  return (
    <ClientsView
      page={page}
      query={query}
      facets={facets}
      owners={Object.fromEntries(ownerKeys.map((key) => [key.id, `${key.name} · ${key.hint}`]))}
      selected={selected}
      history={history?.events ?? []}
      scopeSuggestions={scopes.flatMap((group) =>
        group.scopes.map((scope) => ({ value: scope.name, label: scope.description ? `${group.label} · ${scope.description}` : group.label })),
      )}
      organizations={organizations}
      apis={apis.map(({ identifier, name }) => ({ identifier, name }))}
      superAdmin={access.admin.role === 'super_admin'}
      issuer={issuer()}
    />
  );
}
