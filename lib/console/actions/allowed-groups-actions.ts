'use server';

import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { adminAction } from '@/lib/console/admin-action';
import type { ConsoleAdmin } from '@/lib/console/require-admin';
import type { ClientAccess } from '@/lib/clients/client-access';
import { getAllowedGroups, setAllowedGroups } from '@/lib/groups/client-allowed-groups';

// A client's "Allowed groups" from its details panel; the service checks the input.

const clientId = z.string().min(1).max(128);
const operator = (admin: ConsoleAdmin): ClientAccess => ({ kind: 'operator', superAdmin: admin.role === 'super_admin' });

/** The client's limit and every group it could name. */
export const loadAllowedGroupsAction = adminAction({ args: [clientId], revalidate: '/console/clients' }, async ([id], { admin }) => {
  const db = await getDb();
  const [current, groups] = await Promise.all([
    getAllowedGroups(db, id, operator(admin)),
    db.group.findMany({ orderBy: { displayName: 'asc' }, take: 500, select: { id: true, displayName: true } }),
  ]);
  return { allowed: current.allowed_groups?.map((group) => group.id) ?? null, groups };
});

export const saveAllowedGroupsAction = adminAction({ args: [clientId, z.unknown()], revalidate: '/console/clients' }, async ([id, input], { admin, actor }) =>
  setAllowedGroups(await getDb(), id, input, actor, operator(admin)),
);
