'use server';

import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { adminAction } from '@/lib/console/admin-action';
import { sendInvitation } from '@/lib/account-links/invitation';
import type { LinkDelivery } from '@/lib/account-links/deliver-link';
import { createUser } from '@/lib/users/create-user';
import { resetUserMfa, revokeAllSessions, setUserAdmin, setUserDisabled, unlockUser } from '@/lib/users/manage-user';
import { updateUser } from '@/lib/users/update-user';
import { deleteUser } from '@/lib/users/delete-user';
import { updateUserProfile } from '@/lib/users/update-user-profile';
import { consoleUserManager } from '@/lib/console/console-user-manager';
import { ServiceError } from '@/lib/errors/service-error';

const userId = z.string().min(1).max(64);
const newUser = z.strictObject({ email: z.string(), name: z.string(), password: z.string(), role: z.enum(['user', 'admin']) });
const page = '/console/users';

/**
 * "Create User". Without a password the person chooses one: they get an invitation, and
 * the answer is its delivery (emailed, or the one-time link to hand over when mail is not
 * configured); with one, the answer is `{ invitation: null }`.
 */
export const createUserAction = adminAction(
  { args: [newUser], revalidate: page },
  async ([{ password, ...user }], { admin, actor }): Promise<{ invitation: LinkDelivery | null }> => {
    if (user.role === 'admin' && admin.role !== 'super_admin') throw new ServiceError('forbidden', 'Only super admins can create administrators');
    const db = await getDb();
    const created = await createUser(db, { ...user, password: password || undefined }, actor);
    return { invitation: password ? null : await sendInvitation(db, actor, created.id) };
  },
);

/** The profile is parsed by the service (lib/users/user-schema.ts), which answers with field errors. */
export const updateUserProfileAction = adminAction({ args: [userId, z.unknown()], revalidate: page }, async ([id, profile], { actor }) => {
  await updateUserProfile(await getDb(), actor, id, profile);
});

/** The whole edit (email, profile, email verified, two-step required): parsed by userUpdateSchema in the service. */
export const updateUserAction = adminAction({ args: [userId, z.unknown()], revalidate: page }, async ([id, changes], context) => {
  await updateUser(await getDb(), await consoleUserManager(context), id, changes);
});

export const setUserDisabledAction = adminAction({ args: [userId, z.boolean()], revalidate: page }, async ([id, disabled], context) => {
  await setUserDisabled(await getDb(), await consoleUserManager(context), id, disabled);
});

export const setUserAdminAction = adminAction(
  { args: [userId, z.boolean()], revalidate: page, role: 'super_admin', forbiddenMessage: 'Only super admins can change roles' },
  async ([id, makeAdmin], context) => {
    await setUserAdmin(await getDb(), await consoleUserManager(context), id, makeAdmin);
  },
);

export const resetMfaAction = adminAction({ args: [userId], revalidate: page }, async ([id], context) => {
  await resetUserMfa(await getDb(), await consoleUserManager(context), id);
});

export const unlockUserAction = adminAction({ args: [userId], revalidate: page }, async ([id], context) => {
  await unlockUser(await getDb(), await consoleUserManager(context), id);
});

export const revokeUserSessionsAction = adminAction(
  { args: [userId], revalidate: page },
  async ([id], context) => (await revokeAllSessions(await getDb(), await consoleUserManager(context), id)).revoked,
);

export const deleteUserAction = adminAction({ args: [userId], revalidate: page }, async ([id], context) => {
  await deleteUser(await getDb(), await consoleUserManager(context), id);
});
