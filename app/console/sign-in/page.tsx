import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { AuthCard } from '@/components/hosted/auth-card';
import { SignInRedirect } from '@/components/console/sign-in-redirect';
import { consoleAccess } from '@/lib/console/require-admin';
import { safeCallbackPath } from '@/lib/console/safe-callback';

export const metadata: Metadata = { title: 'Console sign-in' };
export const dynamic = 'force-dynamic';

export default async function ConsoleSignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams;
  const target = safeCallbackPath(callbackUrl);
  if ((await consoleAccess()).status === 'admin') redirect(target);
  return (
    <AuthCard title="Thalamus Console">
      <div className="space-y-4">
        {error ? (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-700 dark:border-red-900 dark:bg-red-950 dark:text-red-300">
            Sign-in did not complete. Try again.
          </p>
        ) : (
          <p className="text-sm text-slate-600 dark:text-slate-400">Taking you to the sign-in page…</p>
        )}
        <SignInRedirect callbackUrl={target} auto={!error} />
      </div>
    </AuthCard>
  );
}
