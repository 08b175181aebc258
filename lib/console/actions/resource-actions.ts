'use server';

import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { adminAction } from '@/lib/console/admin-action';
import { addResourceScope, createResource, deleteResource, removeResourceScope } from '@/lib/resources/resource-service';

// An API decides what every client's tokens for it carry: super admins manage them,
// as in the admin API (app/api/resources).
const id = z.string().min(1).max(64);
const page = '/console/apis';
const options = { role: 'super_admin', revalidate: page } as const;

export const createResourceAction = adminAction({ args: [z.unknown()], ...options }, async ([input], { actor }) => {
  await createResource(await getDb(), input, actor);
});

export const deleteResourceAction = adminAction({ args: [id], ...options }, async ([resource], { actor }) => {
  await deleteResource(await getDb(), resource, actor);
});

export const addResourceScopeAction = adminAction({ args: [id, z.unknown()], ...options }, async ([resource, input], { actor }) => {
  await addResourceScope(await getDb(), resource, input, actor);
});

export const removeResourceScopeAction = adminAction({ args: [id, z.string().min(1).max(64)], ...options }, async ([resource, name], { actor }) => {
  await removeResourceScope(await getDb(), resource, name, actor);
});
