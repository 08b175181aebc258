import type { Metadata } from 'next';
import { getDb } from '@/lib/db/client';
import { AuthCard } from '@/components/hosted/auth-card';
import { ChoosePasswordForm } from '@/components/hosted/choose-password-form';
import { LinkProblemNotice, linkProblemTitle } from '@/components/hosted/link-problem-notice';
import { userForLink } from '@/lib/account-links/choose-password';
import { LinkProblem } from '@/lib/account-links/link-problem';
import { PASSWORD_MIN } from '@/lib/users/password-policy';
import { acceptInvitationAction } from './actions';

export const metadata: Metadata = { title: 'Invitation', robots: { index: false } };
export const dynamic = 'force-dynamic';

/** The page an invitation link opens (`?token=thlt_…`): the first password of an account an administrator created. */
export default async function InvitationPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const token = typeof params.token === 'string' ? params.token : '';
  let user;
  try {
    user = await userForLink(await getDb(), 'invitation', token);
    if (user.passwordHash) throw new LinkProblem('used'); // the password was set another way since
  } catch (error) {
    if (!(error instanceof LinkProblem)) throw error;
    return (
      <AuthCard title={linkProblemTitle(error.reason)}>
        <LinkProblemNotice reason={error.reason} kind="invitation" />
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Set your password">
      <ChoosePasswordForm action={acceptInvitationAction} token={token} email={user.email} kind="invitation" submitLabel="Set password" passwordMin={PASSWORD_MIN} />
    </AuthCard>
  );
}
