'use client';

import type { UserSummary } from '@/lib/users/list-users';

/**
 * Account-recovery actions of a user ("Send password reset", "Resend invitation"): they
 * send the person an emailed link, or give the admin a one-time link to hand over when
 * email is not configured. Rendered in the user's details and in each row, beside the
 * other actions; it renders nothing until those actions exist.
 */
export function UserRecoveryActions({ user: _user }: { user: UserSummary; placement: 'row' | 'details' }) {
  return null;
}
