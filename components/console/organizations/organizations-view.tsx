'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import type { OrganizationResponse } from '@/lib/organizations/organization-service';
import { createOrganizationAction } from '@/lib/console/actions/organization-actions';
import { Badge } from '../badge';
import { Button } from '../button';
import { Dialog } from '../dialog';
import { FieldError, inputClass } from '../field-error';
import { PageHeader } from '../page-header';
import { toast } from '../toaster';

export function OrganizationsView({ organizations }: { organizations: OrganizationResponse[] }) {
  const router = useRouter();
  const [creating, setCreating] = useState(false);
  return (
    <main className="p-8">
      <PageHeader
        section="Configuration"
        title="Organizations"
        description="Group clients by tenant or business unit; the client list can be filtered by organization."
        action={
          <Button variant="primary" onClick={() => setCreating(true)}>
            + Create Organization
          </Button>
        }
      />
      <ul aria-label="Organizations" className="divide-y divide-slate-100 rounded-lg border border-slate-200 bg-white dark:divide-slate-800 dark:border-slate-800 dark:bg-slate-900">
        {organizations.map((org) => (
          <li key={org.id} className="flex items-center justify-between gap-4 px-4 py-3 text-sm">
            <div>
              <p className="font-medium">
                <bdi>{org.name}</bdi> {org.is_default && <Badge>Default</Badge>}
              </p>
              {org.description && <p className="text-xs text-slate-500"><bdi>{org.description}</bdi></p>}
              <p className="font-mono text-xs text-slate-500">{org.id}</p>
            </div>
            <Link href={`/console/clients?organization_id=${org.id}`} className="text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400">
              {org.client_count} client{org.client_count === 1 ? '' : 's'}
            </Link>
          </li>
        ))}
      </ul>
      <Dialog open={creating} title="Create Organization" onClose={() => setCreating(false)}>
        {creating && (
          <OrganizationForm
            onCancel={() => setCreating(false)}
            onCreated={(name) => {
              setCreating(false);
              toast(`${name} created`);
              router.refresh();
            }}
          />
        )}
      </Dialog>
    </main>
  );
}

function OrganizationForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (name: string) => void }) {
  const id = useId();
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
      <div>
        <label htmlFor={`${id}-name`} className="mb-1.5 block text-sm font-medium">Name</label>
        <input id={`${id}-name`} value={name} onChange={(e) => setName(e.target.value)} className={inputClass} aria-invalid={error ? true : undefined} />
        <FieldError id={`${id}-error`} message={error} />
      </div>
      <div>
        <label htmlFor={`${id}-description`} className="mb-1.5 block text-sm font-medium">Description</label>
        <input id={`${id}-description`} value={description} onChange={(e) => setDescription(e.target.value)} className={inputClass} />
      </div>
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary">Create Organization</Button>
      </div>
    </form>
  );
}
