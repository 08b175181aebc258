'use server';

import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { adminAction, type AdminContext } from '@/lib/console/admin-action';
import { sendPasswordResetLink } from '@/lib/account-links/password-reset';
import { sendInvitation } from '@/lib/account-links/invitation';
import { ServiceError } from '@/lib/errors/service-error';

const userId = z.string().min(1).max(64);
const page = '/console/users';

/**
 * When mail is not configured the link comes back to the admin, who then holds the
 * account: an admin who is not a super admin may send links to end users (and to
 * themselves) only, not to other administrators.
 */
async function mayHandOverLink(id: string, { admin }: AdminContext): Promise<void> {
  if (admin.role === 'super_admin' || admin.id === id) return;
  const user = await (await getDb()).user.findUnique({ where: { id }, select: { role: true } });
  if (user && user.role !== 'user') throw new ServiceError('forbidden', 'Only super admins can send links to administrators');
}

/**
 * "Send password reset": `{ ok: true, data: { delivery: 'queued' } }` once emailed, or
 * `{ delivery: 'link', link, reason }` when mail is not configured (or the address got
 * too many emails lately): show the link once for the admin to hand over; never log it.
 */
export const sendPasswordResetAction = adminAction({ args: [userId], revalidate: page }, async ([id], context) => {
  await mayHandOverLink(id, context);
  return sendPasswordResetLink(await getDb(), context.actor, id);
});

/** "Resend invitation" for a user without a password; the same answer as sendPasswordResetAction. */
export const sendInvitationAction = adminAction({ args: [userId], revalidate: page }, async ([id], context) => {
  await mayHandOverLink(id, context);
  return sendInvitation(await getDb(), context.actor, id);
});
