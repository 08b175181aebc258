import type { Metadata } from 'next';
import { AuthCard } from '@/components/hosted/auth-card';
import { ForgotPasswordForm } from '@/components/hosted/forgot-password-form';
import { safeReturnPath } from '@/lib/account-links/link-paths';
import { requestResetAction } from '../actions';

export const metadata: Metadata = { title: 'Forgot password', robots: { index: false } };
export const dynamic = 'force-dynamic';

/** "Forgot password?" from the sign-in page: `?return=/interaction/<uid>` leads back to that sign-in. */
export default async function ForgotPasswordPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const returnTo = safeReturnPath((await searchParams).return);
  return (
    <AuthCard title="Forgot your password?">
      <ForgotPasswordForm action={requestResetAction} returnTo={returnTo} />
    </AuthCard>
  );
}
