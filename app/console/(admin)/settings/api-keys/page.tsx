import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getDb } from '@/lib/db/client';
import { consoleAccess } from '@/lib/console/require-admin';
import { parseListQuery } from '@/lib/db/list-query';
import { apiKeyListQuerySchema, listApiKeys } from '@/lib/api-keys/list-api-keys';
import { ApiKeysView } from '@/components/console/api-keys/api-keys-view';

export const metadata: Metadata = { title: 'API Keys' };

export default async function ApiKeysPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const access = await consoleAccess();
  if (access.status !== 'admin') redirect('/console/sign-in');
  const canManage = access.admin.role === 'super_admin';
  const query = parseListQuery(apiKeyListQuerySchema, await searchParams);
  const db = await getDb();
  const organizations = canManage ? await db.organization.findMany({ select: { id: true, name: true }, orderBy: [{ isDefault: 'desc' }, { name: 'asc' }] }) : [];
  return <ApiKeysView keys={canManage ? await listApiKeys(db, query) : []} query={query} canManage={canManage} organizations={organizations} />;
}
