import type { Metadata } from 'next';
import { getDb } from '@/lib/db/client';
import { checkEmailChangeLink } from '@/lib/account/email-change';
import { AuthCard } from '@/components/hosted/auth-card';
import { VerifyEmailForm } from '@/components/account/verify-email-form';
import { confirmEmailChange } from '../actions';

export const metadata: Metadata = { title: 'Confirm your email address', robots: { index: false }, referrer: 'no-referrer' };
export const dynamic = 'force-dynamic';

/**
 * The emailed link lands here. Opening it changes nothing (mail scanners open links);
 * the button does, once.
 */
export default async function VerifyEmailPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const presented = typeof token === 'string' ? token : '';
  const link = await checkEmailChangeLink(await getDb(), presented);
  if (!link.ok) {
    const why = { invalid: 'This link is not valid.', expired: 'This link has expired.', used: 'This link was already used.' }[link.reason];
    return (
      <AuthCard title="This link does not work">
        <p className="text-sm text-slate-600 dark:text-slate-400">{why} Ask for a new one on your account page.</p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title="Confirm your email address">
      <VerifyEmailForm action={confirmEmailChange} token={presented} email={link.email} />
    </AuthCard>
  );
}
