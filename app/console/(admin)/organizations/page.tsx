import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getDb } from '@/lib/db/client';
import { consoleAccess } from '@/lib/console/require-admin';
import { listOrganizations } from '@/lib/organizations/organization-service';
import { OrganizationsView } from '@/components/console/organizations/organizations-view';

export const metadata: Metadata = { title: 'Organizations' };

export default async function OrganizationsPage() {
  if ((await consoleAccess()).status !== 'admin') redirect('/console/sign-in');
  return <OrganizationsView organizations={await listOrganizations(await getDb())} />;
}
