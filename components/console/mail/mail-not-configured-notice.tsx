import Link from 'next/link';

/**
 * Where a console flow would send an email (password reset, invitation, verification)
 * and SMTP is not set up: says so, and that the flow hands over a one-time link instead.
 */
export function MailNotConfiguredNotice({ className = '' }: { className?: string }) {
  return (
    <div
      role="note"
      className={`rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200 ${className}`}
    >
      <p className="font-semibold">Email is not configured</p>
      <p className="mt-1">
        Thalamus cannot send email until <code className="font-mono">SMTP_URL</code> and <code className="font-mono">MAIL_FROM</code> are set. Password resets, invitations and
        address verification give you a one-time link to hand over to the person instead.{' '}
        <Link href="/console/settings/email" className="font-medium underline">
          Email settings
        </Link>
      </p>
    </div>
  );
}
