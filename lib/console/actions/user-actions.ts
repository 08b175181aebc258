'use server';

import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { adminAction } from '@/lib/console/admin-action';
import { createUser } from '@/lib/users/create-user';
import { resetUserMfa, setUserAdmin, setUserDisabled } from '@/lib/users/manage-user';
import { updateUserProfile } from '@/lib/users/update-user-profile';
import { ServiceError } from '@/lib/errors/service-error';

const userId = z.string().min(1).max(64);
const newUser = z.strictObject({ email: z.string(), name: z.string(), password: z.string(), role: z.enum(['user', 'admin']) });
const page = '/console/users';

export const createUserAction = adminAction({ args: [newUser], revalidate: page }, async ([user], { admin, actor }) => {
  if (user.role === 'admin' && admin.role !== 'super_admin') throw new ServiceError('forbidden', 'Only super admins can create administrators');
  await createUser(await getDb(), user, actor);
});

/** The profile is parsed by the service (lib/users/user-schema.ts), which answers with field errors. */
export const updateUserProfileAction = adminAction({ args: [userId, z.unknown()], revalidate: page }, async ([id, profile], { actor }) => {
  await updateUserProfile(await getDb(), actor, id, profile);
});

export const setUserDisabledAction = adminAction({ args: [userId, z.boolean()], revalidate: page }, async ([id, disabled], { actor }) => {
  await setUserDisabled(await getDb(), actor, id, disabled);
});

export const setUserAdminAction = adminAction(
  { args: [userId, z.boolean()], revalidate: page, role: 'super_admin', forbiddenMessage: 'Only super admins can change roles' },
  async ([id, makeAdmin], { actor }) => {
    await setUserAdmin(await getDb(), actor, id, makeAdmin);
  },
);

export const resetMfaAction = adminAction({ args: [userId], revalidate: page }, async ([id], { actor }) => {
  await resetUserMfa(await getDb(), actor, id);
});
