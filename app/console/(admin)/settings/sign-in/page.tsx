import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { consoleAccess } from '@/lib/console/require-admin';
import { getDb } from '@/lib/db/client';
import { readSignInPolicies } from '@/lib/settings/sign-in-policies';
import { SignInPoliciesView } from '@/components/console/settings/sign-in-policies-view';

export const metadata: Metadata = { title: 'Sign-in' };

export default async function SignInSettingsPage() {
  const access = await consoleAccess();
  if (access.status !== 'admin') redirect('/console/sign-in');
  const policies = await readSignInPolicies(await getDb());
  return <SignInPoliciesView policies={policies} canChange={access.admin.role === 'super_admin'} />;
}
