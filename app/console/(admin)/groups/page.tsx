import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getDb } from '@/lib/db/client';
import { consoleAccess } from '@/lib/console/require-admin';
import { listGroups } from '@/lib/groups/list-groups';
import { GroupsView } from '@/components/console/groups/groups-view';

export const metadata: Metadata = { title: 'Groups' };

export default async function GroupsPage() {
  if ((await consoleAccess()).status !== 'admin') redirect('/console/sign-in');
  return <GroupsView groups={await listGroups(await getDb())} />;
}
