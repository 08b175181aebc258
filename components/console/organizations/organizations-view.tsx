'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import type { OrganizationResponse } from '@/lib/organizations/organization-service';
import { createOrganizationAction } from '@/lib/console/actions/organization-actions';
import { Badge } from '../badge';
import { Dialog } from '../dialog';
import { FormActions } from '../form-actions';
import { TextField } from '../form-field';
import { NameCell } from '../name-cell';
import { PageHeader } from '../page-header';
import { toast } from '../toaster';

/**
 * Configuration › Organizations: a list, not a table (an organization is a name and a link
 * to its clients), with the create dialog.
 */
export function OrganizationsView({ organizations }: { organizations: OrganizationResponse[] }) {
  const router = useRouter();
  const [creating, setCreating] = useState(false);
  const created = (name: string) => {
    setCreating(false);
    toast(`${name} created`);
    router.refresh();
  };
  return (
    <div className="p-4 sm:p-6 lg:p-8">
      <PageHeader
        section="Configuration"
        title="Organizations"
        description="Group clients by tenant or business unit; the client list can be filtered by organization."
        create={{ label: 'Create Organization', onClick: () => setCreating(true) }}
      />
      <ul
        aria-label="Organizations"
        className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900"
      >
        {organizations.map((org) => (
          <li key={org.id} className="flex items-center justify-between gap-4 px-4 py-3 text-sm">
            <NameCell name={org.name} detail={org.description} badge={org.is_default && <Badge>Default</Badge>}>
              <p className="font-mono text-xs text-slate-500">{org.id}</p>
            </NameCell>
            <Link href={`/console/clients?organization_id=${org.id}`} className="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400">
              {org.client_count} client{org.client_count === 1 ? '' : 's'}
            </Link>
          </li>
        ))}
      </ul>
      <Dialog open={creating} title="Create Organization" onClose={() => setCreating(false)}>
        {creating && <OrganizationForm onCancel={() => setCreating(false)} onCreated={created} />}
      </Dialog>
    </div>
  );
}

function OrganizationForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (name: string) => void }) {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await createOrganizationAction({ name, description });
    if (result.ok) onCreated(name);
    else setError(result.fields.find((f) => f.path === 'name')?.message ?? result.message);
  };
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      <TextField label="Name" value={name} onChange={setName} error={error} />
      <TextField label="Description" value={description} onChange={setDescription} />
      <FormActions onCancel={onCancel} submitLabel="Create Organization" />
    </form>
  );
}
