'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useState } from 'react';
import type { ClientResponse } from '@/lib/clients/client-schema';
import type { ClientListQuery, ClientPage } from '@/lib/clients/list-clients';
import type { ClientFacetCounts } from '@/lib/clients/client-facets';
import type { AuditEventView } from '@/lib/audit/list-audit-events';
import { deleteClientAction, setClientEnabledAction, updateClientAction } from '@/lib/console/actions/client-actions';
import { ConfirmDialog } from '../confirm-dialog';
import { DataTable } from '../data-table';
import { DataTablePagination } from '../data-table-pagination';
import { DataTableToolbar, ToolbarFilter } from '../data-table-toolbar';
import { Dialog } from '../dialog';
import { PageHeader } from '../page-header';
import { toast } from '../toaster';
import { useQueryNavigation } from '../use-query-navigation';
import { useUrlSorting } from '../use-url-sorting';
import { clientColumns } from './columns';
import { ClientFilters, clientListFiltered } from './client-filters';
import { ClientDetailsPanel } from './client-details-panel';
import { CreateClientDialog } from './create-client-dialog';
import { RotateSecretDialog } from './rotate-secret-dialog';
import { ClientForm, initialValues, type ApiOption } from './client-form';
import type { Suggestion } from './list-input';
import { guardedChanges, lockedFields, type GuardedField } from './client-protection';
import { ConfirmDefaultChangeDialog, type DefaultChangeQuestion } from './confirm-default-change-dialog';

/**
 * Configuration › OAuth Clients. Search, the "Default clients" filter, the facets
 * (client-filters.tsx), sorting and paging live in the URL and run on the server; this component renders the
 * page it is given and the dialogs.
 */
export function ClientsView({
  page,
  query,
  facets,
  owners,
  selected,
  history,
  scopeSuggestions,
  organizations,
  apis,
  superAdmin,
  issuer,
}: {
  page: ClientPage;
  query: ClientListQuery;
  facets: ClientFacetCounts;
  /** API key ID → its name and hint, for the Owner filter. */
  owners: Record<string, string>;
  selected?: ClientResponse;
  history: AuditEventView[];
  scopeSuggestions: Suggestion[];
  organizations: { id: string; name: string }[];
  /** The APIs a client may take as its default (Configuration › APIs). */
  apis: ApiOption[];
  /** Super admins may change a default client's redirect URIs and scopes (after confirming); admins may not. */
  superAdmin: boolean;
  /** This server's issuer (lib/config/env), shown with a new secret. */
  issuer: string;
}) {
  const router = useRouter();
  const { navigate, pending, params } = useQueryNavigation();
  const sorting = useUrlSorting(query);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<ClientResponse>();
  const [deleting, setDeleting] = useState<ClientResponse>();
  const [rotating, setRotating] = useState<ClientResponse>();
  const [question, setQuestion] = useState<DefaultChangeQuestion>();
  const confirmDefaultChange = (client: ClientResponse, changed: GuardedField[]) =>
    new Promise<boolean>((resolve) =>
      setQuestion({
        client,
        changed,
        answer: (confirmed) => {
          setQuestion(undefined);
          resolve(confirmed);
        },
      }),
    );

  const columns = useMemo(
    () =>
      clientColumns({
        view: (client) => navigate({ client: client.client_id }),
        edit: (client) => setEditing(client),
        remove: (client) => setDeleting(client),
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- stable handlers over URL state
    [params],
  );

  const first = page.total === 0 ? 0 : (page.page - 1) * page.page_size + 1;
  const last = Math.min(page.total, page.page * page.page_size);

  return (
    <div className="flex">
      <div className="min-w-0 flex-1 p-4 sm:p-6 lg:p-8">
        <PageHeader
          section="Configuration"
          title="OAuth Clients"
          description="Applications and services that sign users in or obtain tokens from Thalamus."
          create={{ label: 'Create Client', onClick: () => setCreating(true) }}
        />

        <DataTableToolbar search={query.q} onSearch={(q) => navigate({ q, page: undefined }, true)} placeholder="Search by name or client ID" pending={pending}>
          <ToolbarFilter
            label="Default clients"
            value={query.is_default === undefined ? undefined : String(query.is_default)}
            onChange={(value) => navigate({ is_default: value, page: undefined })}
          >
            <option value="">All clients</option>
            <option value="true">Default clients</option>
            <option value="false">Your clients</option>
          </ToolbarFilter>
        </DataTableToolbar>
        <ClientFilters query={query} facets={facets} organizations={organizations} owners={owners} onChange={(changes) => navigate(changes)} />

        <DataTable
          columns={columns}
          data={page.clients}
          {...sorting}
          onRowClick={(client) => navigate({ client: client.client_id })}
          rowLabel={(client) => client.name}
          empty={
            query.q ? (
              <>
                No client matches “<bdi>{query.q}</bdi>”.
              </>
            ) : clientListFiltered(query) ? (
              'No client matches these filters.'
            ) : (
              <>
                No clients yet.{' '}
                <button type="button" className="font-medium text-indigo-600 underline" onClick={() => setCreating(true)}>
                  Create the first one
                </button>
                .
              </>
            )
          }
        />

        <DataTablePagination
          page={page.page}
          pageSize={page.page_size}
          total={page.total}
          summary={`${first}–${last} of ${page.total}`}
          onPageChange={(to) => navigate({ page: String(to) })}
        />
      </div>

      {selected && (
        <ClientDetailsPanel
          client={selected}
          history={history}
          onClose={() => navigate({ client: undefined })}
          onEdit={() => setEditing(selected)}
          onDelete={() => setDeleting(selected)}
          onRotateSecret={() => setRotating(selected)}
          onToggleEnabled={async () => {
            const result = await setClientEnabledAction(selected.client_id, !selected.enabled);
            if (result.ok) toast(selected.enabled ? `${selected.name} is disabled` : `${selected.name} is enabled`);
            else toast(result.message, 'error');
            router.refresh();
          }}
        />
      )}

      <CreateClientDialog
        open={creating}
        scopeSuggestions={scopeSuggestions}
        organizations={organizations}
        apis={apis}
        issuer={issuer}
        onClose={(created) => {
          setCreating(false);
          if (created) {
            toast(`${created.name} created`);
            router.refresh();
          }
        }}
      />

      <RotateSecretDialog
        client={rotating}
        issuer={issuer}
        onClose={(rotated) => {
          setRotating(undefined);
          if (rotated) {
            toast(`${rotated.name} has a new secret`);
            router.refresh();
          }
        }}
      />

      <Dialog open={!!editing} title="Edit Client" onClose={() => setEditing(undefined)} wide>
        {editing && (
          <ClientForm
            initial={initialValues(editing)}
            organizations={organizations}
            apis={apis}
            isDefault={editing.is_default}
            locked={lockedFields(editing, superAdmin)}
            scopeSuggestions={scopeSuggestions}
            submitLabel="Save changes"
            onCancel={() => setEditing(undefined)}
            onSubmit={async (values) => {
              const { response_types: _ignored, ...changes } = values;
              const changed = guardedChanges(editing, changes);
              if (changed.length && !(await confirmDefaultChange(editing, changed))) return undefined;
              const result = await updateClientAction(editing.client_id, changes);
              if (!result.ok) return result;
              setEditing(undefined);
              toast(`${result.data.name} saved`);
              router.refresh();
              return undefined;
            }}
          />
        )}
      </Dialog>

      <ConfirmDefaultChangeDialog question={question} />

      <ConfirmDialog
        open={!!deleting}
        title={
          deleting ? (
            <>
              Delete <bdi>{deleting.name}</bdi>?
            </>
          ) : (
            'Delete client'
          )
        }
        message={
          deleting && (
            <>
              Applications using <span className="font-mono">{deleting.client_id}</span> stop working at once: its tokens, grants and consents are revoked. This cannot be undone.
            </>
          )
        }
        confirmLabel="Delete"
        onCancel={() => setDeleting(undefined)}
        onConfirm={async () => {
          if (!deleting) return;
          const result = await deleteClientAction(deleting.client_id);
          if (result.ok) {
            toast(`${deleting.name} deleted`);
            if (selected?.client_id === deleting.client_id) navigate({ client: undefined });
            else router.refresh();
          } else toast(result.message, 'error');
          setDeleting(undefined);
        }}
      />
    </div>
  );
}
