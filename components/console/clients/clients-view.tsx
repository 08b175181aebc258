'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useEffect, useMemo, useState, useTransition } from 'react';
import type { ClientResponse } from '@/lib/clients/client-schema';
import type { ClientListQuery, ClientPage } from '@/lib/clients/list-clients';
import type { AuditEventView } from '@/lib/audit/list-audit-events';
import { deleteClientAction, setClientEnabledAction, updateClientAction } from '@/lib/console/actions/client-actions';
import { DataTable } from '../data-table';
import { Button } from '../button';
import { Dialog } from '../dialog';
import { PageHeader } from '../page-header';
import { toast } from '../toaster';
import { clientColumns } from './columns';
import { ClientDetailsPanel } from './client-details-panel';
import { CreateClientDialog } from './create-client-dialog';
import { RotateSecretDialog } from './rotate-secret-dialog';
import { ClientForm, initialValues } from './client-form';
import { guardedChanges, lockedFields, type GuardedField } from './client-protection';
import { ConfirmDefaultChangeDialog, type DefaultChangeQuestion } from './confirm-default-change-dialog';

/**
 * Configuration › OAuth Clients. Search, sorting and paging live in the URL and run
 * on the server; this component renders the page it is given and the dialogs.
 */
export function ClientsView({
  page,
  query,
  selected,
  history,
  scopeSuggestions,
  organizations,
  superAdmin,
}: {
  page: ClientPage;
  query: ClientListQuery;
  selected?: ClientResponse;
  history: AuditEventView[];
  scopeSuggestions: string[];
  organizations: { id: string; name: string }[];
  /** Super admins may change a default client's redirect URIs and scopes (after confirming); admins may not. */
  superAdmin: boolean;
}) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const [pending, startTransition] = useTransition();
  const [search, setSearch] = useState(query.q ?? '');
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

  const navigate = (changes: Record<string, string | undefined>, replace = false) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === '') next.delete(key);
      else next.set(key, value);
    }
    const url = next.size ? `${pathname}?${next}` : pathname;
    startTransition(() => (replace ? router.replace(url, { scroll: false }) : router.push(url, { scroll: false })));
  };

  useEffect(() => {
    if (search === (query.q ?? '')) return;
    const timer = setTimeout(() => navigate({ q: search || undefined, page: undefined }, true), 250);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- navigate reads the current URL
  }, [search]);

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

  const pages = Math.max(1, Math.ceil(page.total / page.page_size));
  const first = page.total === 0 ? 0 : (page.page - 1) * page.page_size + 1;
  const last = Math.min(page.total, page.page * page.page_size);

  return (
    <div className="flex min-h-screen flex-col lg:flex-row">
      <main className="min-w-0 flex-1 p-8">
        <PageHeader
          section="Configuration"
          title="OAuth Clients"
          description="Applications and services that sign users in or obtain tokens from Thalamus."
          action={
            <Button variant="primary" onClick={() => setCreating(true)}>
              + Create Client
            </Button>
          }
        />

        <div className="mb-4 flex items-center gap-3">
          <label className="sr-only" htmlFor="client-search">
            Search
          </label>
          <input
            id="client-search"
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="Search by name or client ID"
            className="w-full max-w-sm rounded-md border border-slate-300 bg-white px-3 py-2 text-sm outline-none focus:border-indigo-500 focus:ring-2 focus:ring-indigo-500/30 dark:border-slate-700 dark:bg-slate-950"
          />
          <label className="sr-only" htmlFor="client-organization">
            Organization
          </label>
          <select
            id="client-organization"
            value={query.organization_id ?? ''}
            onChange={(e) => navigate({ organization_id: e.target.value || undefined, page: undefined })}
            className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-950"
          >
            <option value="">All organizations</option>
            {organizations.map((org) => (
              <option key={org.id} value={org.id}>
                {org.name}
              </option>
            ))}
          </select>
          {pending && <span className="text-sm text-slate-500" role="status">Loading…</span>}
        </div>

        <DataTable
          columns={columns}
          data={page.clients}
          sorting={[{ id: query.sort, desc: query.dir === 'desc' }]}
          onSortingChange={(sorting) => {
            const [first] = sorting;
            if (first) navigate({ sort: first.id, dir: first.desc ? 'desc' : 'asc', page: undefined });
          }}
          onRowClick={(client) => navigate({ client: client.client_id })}
          rowLabel={(client) => client.name}
          empty={
            query.q ? (
              <>No client matches “<bdi>{query.q}</bdi>”.</>
            ) : (
              <>
                No clients yet. <button type="button" className="font-medium text-indigo-600 underline" onClick={() => setCreating(true)}>Create the first one</button>.
              </>
            )
          }
        />

        <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm text-slate-600 dark:text-slate-400">
          <p>
            {first}–{last} of {page.total}
          </p>
          <div className="flex items-center gap-2">
            <Button disabled={page.page <= 1} onClick={() => navigate({ page: String(page.page - 1) })}>
              Previous
            </Button>
            <span>
              Page {page.page} of {pages}
            </span>
            <Button disabled={page.page >= pages} onClick={() => navigate({ page: String(page.page + 1) })}>
              Next
            </Button>
          </div>
        </nav>
      </main>

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

      <Dialog open={!!deleting} title={deleting ? <>Delete <bdi>{deleting.name}</bdi>?</> : 'Delete client'} onClose={() => setDeleting(undefined)}>
        {deleting && (
          <div className="space-y-4">
            <p className="text-sm text-slate-600 dark:text-slate-400">
              Applications using <span className="font-mono">{deleting.client_id}</span> stop working at once: its tokens, grants and consents are revoked. This cannot be undone.
            </p>
            <div className="flex justify-end gap-2">
              <Button onClick={() => setDeleting(undefined)}>Cancel</Button>
              <Button
                variant="danger"
                onClick={async () => {
                  const result = await deleteClientAction(deleting.client_id);
                  if (result.ok) {
                    toast(`${deleting.name} deleted`);
                    if (selected?.client_id === deleting.client_id) navigate({ client: undefined });
                    else router.refresh();
                  } else toast(result.message, 'error');
                  setDeleting(undefined);
                }}
              >
                Delete
              </Button>
            </div>
          </div>
        )}
      </Dialog>
    </div>
  );
}
