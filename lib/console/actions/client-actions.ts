'use server';

import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { adminAction } from '@/lib/console/admin-action';
import type { ConsoleAdmin } from '@/lib/console/require-admin';
import { createClient } from '@/lib/clients/create-client';
import { updateClient } from '@/lib/clients/update-client';
import { deleteClient, setClientEnabled } from '@/lib/clients/delete-client';
import { syncConnectorClient } from '@/lib/clients/sync-connector';
import { rotateClientSecret } from '@/lib/clients/rotate-client-secret';
import type { ClientAccess } from '@/lib/clients/client-access';

// The client input is parsed by the services, with the same schema the admin API uses.

const clientId = z.string().min(1).max(128);
const page = '/console/clients';

/** An administrator in the console; only a super admin may change the default clients' guarded fields. */
const operator = (admin: ConsoleAdmin): ClientAccess => ({ kind: 'operator', superAdmin: admin.role === 'super_admin' });

export const createClientAction = adminAction({ args: [z.unknown()], revalidate: page }, async ([input], { admin, actor }) =>
  createClient(await getDb(), input, actor, operator(admin)),
);

export const createSyncConnectorAction = adminAction({ args: [z.unknown(), z.unknown()], revalidate: page }, async ([name, description], { admin, actor }) =>
  createClient(await getDb(), syncConnectorClient(String(name ?? ''), String(description ?? '')), actor, operator(admin)),
);

export const updateClientAction = adminAction({ args: [clientId, z.unknown()], revalidate: page }, async ([id, input], { admin, actor }) =>
  updateClient(await getDb(), id, input, actor, operator(admin)),
);

export const deleteClientAction = adminAction({ args: [clientId], revalidate: page }, async ([id], { actor }) => {
  await deleteClient(await getDb(), id, actor);
});

export const setClientEnabledAction = adminAction({ args: [clientId, z.boolean()], revalidate: page }, async ([id, enabled], { actor }) => {
  await setClientEnabled(await getDb(), id, enabled, actor);
});

export const rotateClientSecretAction = adminAction({ args: [clientId, z.unknown()], revalidate: page }, async ([id, input], { admin, actor }) =>
  rotateClientSecret(await getDb(), id, input, actor, operator(admin)),
);
