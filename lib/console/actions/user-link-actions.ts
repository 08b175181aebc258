'use server';

import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { adminAction } from '@/lib/console/admin-action';
import { sendAccountLink } from '@/lib/account-links/admin-links';
import { consoleUserManager } from '@/lib/console/console-user-manager';

const userId = z.string().min(1).max(64);
const page = '/console/users';

/**
 * "Send password reset": `{ ok: true, data: { delivery: 'queued' } }` once emailed, or
 * `{ delivery: 'link', link, reason }` when mail is not configured (or the address got
 * too many emails lately): show the link once for the admin to hand over; never log it.
 */
export const sendPasswordResetAction = adminAction({ args: [userId], revalidate: page }, async ([id], context) => {
  return sendAccountLink(await getDb(), await consoleUserManager(context), id, 'password_reset');
});

/** "Resend invitation" for a user without a password; the same answer as sendPasswordResetAction. */
export const sendInvitationAction = adminAction({ args: [userId], revalidate: page }, async ([id], context) => {
  return sendAccountLink(await getDb(), await consoleUserManager(context), id, 'invitation');
});
