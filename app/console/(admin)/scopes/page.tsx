import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getDb } from '@/lib/db/client';
import { consoleAccess } from '@/lib/console/require-admin';
import { listScopes } from '@/lib/scopes/scope-service';
import { ScopesView } from '@/components/console/scopes/scopes-view';

export const metadata: Metadata = { title: 'OAuth Scopes' };

export default async function ScopesPage() {
  if ((await consoleAccess()).status !== 'admin') redirect('/console/sign-in');
  const scopes = await listScopes(await getDb());
  return <ScopesView scopes={scopes.map(({ name, description, builtIn }) => ({ name, description, builtIn }))} />;
}
