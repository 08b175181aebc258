import type { Metadata } from 'next';
import { AuthCard } from '@/components/hosted/auth-card';
import { ButtonLink } from '@/components/hosted/text-link';
import { signInPath } from '@/lib/account-links/link-paths';

export const metadata: Metadata = { title: 'Password set', robots: { index: false } };

export default function InvitationDonePage() {
  return (
    <AuthCard title="Your password is set">
      <div className="space-y-4">
        <p className="text-sm text-slate-600 dark:text-slate-400">Your account is ready. Sign in with your email and the password you just chose.</p>
        <ButtonLink href={signInPath(undefined)}>Sign in</ButtonLink>
      </div>
    </AuthCard>
  );
}
