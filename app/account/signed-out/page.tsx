import type { Metadata } from 'next';
import { AuthCard } from '@/components/hosted/auth-card';

export const metadata: Metadata = { title: 'Signed out', robots: { index: false } };

/** After "Sign out" on the account page, or a sign-in that did not complete. */
export default async function SignedOutPage({ searchParams }: { searchParams: Promise<{ sign_in?: string }> }) {
  const incomplete = (await searchParams).sign_in === 'incomplete';
  return (
    <AuthCard accountLink={false} title={incomplete ? 'The sign-in did not complete' : 'You are signed out'}>
      <p className="text-sm text-slate-600 dark:text-slate-400">{incomplete ? 'It was cancelled or took too long.' : 'You can close this window.'}</p>
      <a href="/account" className="mt-4 inline-block text-sm font-medium text-indigo-600 hover:underline dark:text-indigo-400">
        Sign in to your account
      </a>
    </AuthCard>
  );
}
