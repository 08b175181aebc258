import type { Metadata } from 'next';
import { AuthCard } from '@/components/hosted/auth-card';
import { TextLink } from '@/components/hosted/text-link';
import { safeReturnPath } from '@/lib/account-links/link-paths';
import { USER_TOKEN_TTL_SECONDS } from '@/lib/account-links/user-tokens';

export const metadata: Metadata = { title: 'Check your email', robots: { index: false } };
export const dynamic = 'force-dynamic';

/** The answer to every reset request, whether or not the address has an account (the words must not differ). */
export default async function ResetLinkSentPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const returnTo = safeReturnPath((await searchParams).return);
  return (
    <AuthCard title="Check your email">
      <div className="space-y-4 text-sm text-slate-600 dark:text-slate-400">
        <p>If an account uses that email, we have sent it a link to choose a new password. The link works for {USER_TOKEN_TTL_SECONDS.password_reset / 60} minutes.</p>
        <p>Nothing arrived? Check your spam folder, or ask for a new link in a few minutes.</p>
        {returnTo && (
          <p className="text-center">
            <TextLink href={returnTo}>Back to sign in</TextLink>
          </p>
        )}
      </div>
    </AuthCard>
  );
}
