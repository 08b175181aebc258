'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { UserSummary } from '@/lib/users/list-users';
import { sendInvitationAction, sendPasswordResetAction } from '@/lib/console/actions/user-link-actions';
import { Button } from '../button';
import { toast } from '../toaster';
import { OneTimeLinkDialog, type HandOverLink } from './one-time-link-dialog';
import { Reason } from './user-row-actions';

/**
 * Account recovery in a user's details: "Send password reset", or "Resend invitation"
 * while the person has not chosen a password yet. The link is emailed; when it cannot be
 * (mail not configured, or too many emails to that address lately) the admin gets it
 * once, to hand over. Sending a new link retires the earlier ones.
 */
export function UserRecoveryActions({ user, maySendLinks }: { user: UserSummary; maySendLinks: boolean }) {
  const router = useRouter();
  const [sending, setSending] = useState(false);
  const [shown, setShown] = useState<HandOverLink>();
  if (!maySendLinks) return null;
  if (user.disabled) return <Reason label="No recovery links" reason="enable the account before sending it a password reset or an invitation" />;
  const kind = user.passwordSet ? 'password_reset' : 'invitation';
  const send = async () => {
    setSending(true);
    const outcome = await (kind === 'invitation' ? sendInvitationAction(user.id) : sendPasswordResetAction(user.id));
    setSending(false);
    if (!outcome.ok) toast(outcome.message, 'error');
    else if (outcome.data.delivery === 'queued') toast(`${kind === 'invitation' ? 'Invitation' : 'Password reset email'} sent to ${user.email}`);
    else setShown({ email: user.email, kind, link: outcome.data.link, reason: outcome.data.reason });
    router.refresh();
  };
  return (
    <>
      <Button onClick={send} disabled={sending}>
        {kind === 'invitation' ? 'Resend invitation' : 'Send password reset'}
      </Button>
      <OneTimeLinkDialog shown={shown} onClose={() => setShown(undefined)} />
    </>
  );
}
