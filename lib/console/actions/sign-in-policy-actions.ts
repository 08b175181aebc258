'use server';

import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { adminAction } from '@/lib/console/admin-action';
import { changeSignInPolicy } from '@/lib/settings/sign-in-policies';

/** Settings › Sign-in: super admins only; the service parses the change and audits it. */
export const changeSignInPolicyAction = adminAction(
  { args: [z.unknown()], revalidate: '/console/settings/sign-in', role: 'super_admin', forbiddenMessage: 'Only super admins change sign-in policies' },
  async ([change], { admin, actor }) => {
    await changeSignInPolicy(await getDb(), { ...actor, id: admin.id }, change);
  },
);
