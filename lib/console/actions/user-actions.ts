'use server';

import { headers } from 'next/headers';
import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { adminAction, type AdminContext } from '@/lib/console/admin-action';
import { clientAddress } from '@/lib/http/client-address';
import { createUser } from '@/lib/users/create-user';
import { resetUserMfa, revokeAllSessions, setUserAdmin, setUserDisabled, unlockUser } from '@/lib/users/manage-user';
import { updateUser } from '@/lib/users/update-user';
import { deleteUser } from '@/lib/users/delete-user';
import { updateUserProfile } from '@/lib/users/update-user-profile';
import type { UserManager } from '@/lib/users/user-manager';
import { ServiceError } from '@/lib/errors/service-error';

const userId = z.string().min(1).max(64);
const newUser = z.strictObject({ email: z.string(), name: z.string(), password: z.string(), role: z.enum(['user', 'admin']) });
const page = '/console/users';

/** The signed-in admin as a UserManager: only super admins change administrators (lib/users/user-manager.ts). */
async function manager({ admin, actor }: AdminContext): Promise<UserManager> {
  const request = await headers();
  return { actor, managesAdmins: admin.role === 'super_admin', address: clientAddress({ headers: request }), userAgent: request.get('user-agent') ?? '' };
}

export const createUserAction = adminAction({ args: [newUser], revalidate: page }, async ([user], { admin, actor }) => {
  if (user.role === 'admin' && admin.role !== 'super_admin') throw new ServiceError('forbidden', 'Only super admins can create administrators');
  await createUser(await getDb(), user, actor);
});

/** The profile is parsed by the service (lib/users/user-schema.ts), which answers with field errors. */
export const updateUserProfileAction = adminAction({ args: [userId, z.unknown()], revalidate: page }, async ([id, profile], { actor }) => {
  await updateUserProfile(await getDb(), actor, id, profile);
});

/** The whole edit (email, profile, email verified, two-step required): parsed by userUpdateSchema in the service. */
export const updateUserAction = adminAction({ args: [userId, z.unknown()], revalidate: page }, async ([id, changes], context) => {
  await updateUser(await getDb(), await manager(context), id, changes);
});

export const setUserDisabledAction = adminAction({ args: [userId, z.boolean()], revalidate: page }, async ([id, disabled], context) => {
  await setUserDisabled(await getDb(), await manager(context), id, disabled);
});

export const setUserAdminAction = adminAction(
  { args: [userId, z.boolean()], revalidate: page, role: 'super_admin', forbiddenMessage: 'Only super admins can change roles' },
  async ([id, makeAdmin], context) => {
    await setUserAdmin(await getDb(), await manager(context), id, makeAdmin);
  },
);

export const resetMfaAction = adminAction({ args: [userId], revalidate: page }, async ([id], context) => {
  await resetUserMfa(await getDb(), await manager(context), id);
});

export const unlockUserAction = adminAction({ args: [userId], revalidate: page }, async ([id], context) => {
  await unlockUser(await getDb(), await manager(context), id);
});

export const revokeUserSessionsAction = adminAction(
  { args: [userId], revalidate: page },
  async ([id], context) => (await revokeAllSessions(await getDb(), await manager(context), id)).revoked,
);

export const deleteUserAction = adminAction({ args: [userId], revalidate: page }, async ([id], context) => {
  await deleteUser(await getDb(), await manager(context), id);
});
