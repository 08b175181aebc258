'use server';

import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { adminAction } from '@/lib/console/admin-action';
import { createOrganization } from '@/lib/organizations/organization-service';

export const createOrganizationAction = adminAction({ args: [z.unknown()], revalidate: '/console/organizations' }, async ([input], { actor }) => {
  await createOrganization(await getDb(), input, actor);
});
