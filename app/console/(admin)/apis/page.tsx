import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getDb } from '@/lib/db/client';
import { consoleAccess } from '@/lib/console/require-admin';
import { listResources } from '@/lib/resources/resource-service';
import { ApisView } from '@/components/console/apis/apis-view';

export const metadata: Metadata = { title: 'APIs' };

export default async function ApisPage() {
  if ((await consoleAccess()).status !== 'admin') redirect('/console/sign-in');
  return <ApisView apis={await listResources(await getDb())} />;
}
