import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getDb } from '@/lib/db/client';
import { parseListQuery } from '@/lib/db/list-query';
import { consoleAccess } from '@/lib/console/require-admin';
import { listUsers, userListQuerySchema } from '@/lib/users/list-users';
import { UsersView } from '@/components/console/users/users-view';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const access = await consoleAccess();
  if (access.status !== 'admin') redirect('/console/sign-in');
  const query = parseListQuery(userListQuerySchema, await searchParams);
  const { users, total } = await listUsers(await getDb(), query);
  return <UsersView users={users} total={total} query={query} currentAdminId={access.admin.id} canChangeRoles={access.admin.role === 'super_admin'} />;
}
