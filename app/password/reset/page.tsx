import type { Metadata } from 'next';
import { getDb } from '@/lib/db/client';
import { AuthCard } from '@/components/hosted/auth-card';
import { ChoosePasswordForm } from '@/components/hosted/choose-password-form';
import { LinkProblemNotice, linkProblemTitle } from '@/components/hosted/link-problem-notice';
import { userForLink } from '@/lib/account-links/choose-password';
import { LinkProblem } from '@/lib/account-links/link-problem';
import { safeReturnPath } from '@/lib/account-links/link-paths';
import { PASSWORD_MIN } from '@/lib/users/password-policy';
import { resetPasswordAction } from '../actions';

export const metadata: Metadata = { title: 'Password reset', robots: { index: false } };
export const dynamic = 'force-dynamic';

/**
 * The page a reset link opens (`?token=thlt_…`). Opening it only checks the link; it is
 * used up when the new password is saved, so a mail scanner that follows it spends nothing.
 */
export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const token = typeof params.token === 'string' ? params.token : '';
  const returnTo = safeReturnPath(params.return);
  let user;
  try {
    user = await userForLink(await getDb(), 'password_reset', token);
  } catch (error) {
    if (!(error instanceof LinkProblem)) throw error;
    return (
      <AuthCard title={linkProblemTitle(error.reason)}>
        <LinkProblemNotice reason={error.reason} kind="password_reset" returnTo={returnTo} />
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Choose a new password">
      <ChoosePasswordForm
        action={resetPasswordAction}
        token={token}
        email={user.email}
        returnTo={returnTo}
        kind="password_reset"
        submitLabel="Reset password"
        passwordMin={PASSWORD_MIN}
      />
    </AuthCard>
  );
}
