'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { addResourceScopeAction, createResourceAction, deleteResourceAction, removeResourceScopeAction } from '@/lib/console/actions/resource-actions';
import type { ResourceResponse } from '@/lib/resources/resource-schema';
import { ConfirmDialog } from '../confirm-dialog';
import { DataTable } from '../data-table';
import { Dialog } from '../dialog';
import { DismissibleAlert } from '../dismissible-alert';
import { PageHeader } from '../page-header';
import { toast } from '../toaster';
import { ApiForm } from './api-form';
import { ApiScopes } from './api-scopes';
import { apiColumns } from './columns';

/** Configuration › APIs: the APIs access tokens are for, with the scopes clients are granted. */
export function ApisView({ apis }: { apis: ResourceResponse[] }) {
  const router = useRouter();
  const [creating, setCreating] = useState(false);
  const [scopesOf, setScopesOf] = useState<string>();
  const [deleting, setDeleting] = useState<ResourceResponse>();
  // Why the last deletion was refused (the clients still using the API): it stays until dismissed.
  const [refusal, setRefusal] = useState<string>();
  const managed = apis.find((api) => api.id === scopesOf);
  const columns = apiColumns({ manageScopes: (api) => setScopesOf(api.id), remove: setDeleting });
  return (
    <div className="p-4 sm:p-6 lg:p-8">
      <PageHeader
        section="Configuration"
        title="APIs"
        description="Your APIs that accept Thalamus access tokens. A token for an API carries its identifier as audience and the API's scopes the client was granted."
        create={{ label: 'Create API', onClick: () => setCreating(true) }}
      />
      <DismissibleAlert message={refusal} onDismiss={() => setRefusal(undefined)} />
      <DataTable columns={columns} data={apis} rowId={(api) => api.id} rowLabel={(api) => api.name} empty="No APIs yet." />
      <Dialog open={creating} title="Create API" onClose={() => setCreating(false)}>
        {creating && (
          <ApiForm
            onCancel={() => setCreating(false)}
            onSubmit={async (values) => {
              const result = await createResourceAction(values);
              if (!result.ok) return result;
              setCreating(false);
              toast(`${values.name} created`);
              router.refresh();
              return undefined;
            }}
          />
        )}
      </Dialog>
      <Dialog open={!!managed} title={managed ? `Scopes of ${managed.name}` : 'Scopes'} onClose={() => setScopesOf(undefined)} wide>
        {managed && (
          <ApiScopes
            api={managed}
            add={async (scope) => {
              const result = await addResourceScopeAction(managed.id, scope);
              if (result.ok) router.refresh();
              return result;
            }}
            remove={async (name) => {
              const result = await removeResourceScopeAction(managed.id, name);
              if (result.ok) router.refresh();
              return result;
            }}
          />
        )}
      </Dialog>
      <ConfirmDialog
        open={!!deleting}
        title={deleting ? `Delete ${deleting.name}?` : 'Delete API?'}
        message="Its scopes go with it. Tokens already issued for it stay valid until they expire."
        confirmLabel="Delete API"
        onCancel={() => setDeleting(undefined)}
        onConfirm={async () => {
          const api = deleting!;
          setDeleting(undefined);
          const result = await deleteResourceAction(api.id);
          setRefusal(result.ok ? undefined : result.message);
          if (result.ok) toast(`${api.name} deleted`);
          router.refresh();
        }}
      />
    </div>
  );
}
