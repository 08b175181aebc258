import type { Metadata } from 'next';
import { AuthCard } from '@/components/hosted/auth-card';
import { ButtonLink } from '@/components/hosted/text-link';
import { safeReturnPath, signInPath } from '@/lib/account-links/link-paths';

export const metadata: Metadata = { title: 'Password changed', robots: { index: false } };
export const dynamic = 'force-dynamic';

export default async function PasswordResetDonePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const returnTo = safeReturnPath((await searchParams).return);
  return (
    <AuthCard title="Your password has been changed">
      <div className="space-y-4">
        <p className="text-sm text-slate-600 dark:text-slate-400">You were signed out everywhere, in every browser and application. Sign in again with your new password.</p>
        <ButtonLink href={signInPath(returnTo)}>Sign in</ButtonLink>
      </div>
    </AuthCard>
  );
}
