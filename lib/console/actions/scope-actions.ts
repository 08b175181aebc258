'use server';

import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { adminAction } from '@/lib/console/admin-action';
import { createScope, deleteScope, updateScopeDescription } from '@/lib/scopes/scope-service';

const scopeName = z.string().min(1).max(64);
const page = '/console/scopes';

export const createScopeAction = adminAction({ args: [z.unknown()], revalidate: page }, async ([input], { actor }) => {
  await createScope(await getDb(), input, actor);
});

export const updateScopeAction = adminAction({ args: [scopeName, z.unknown()], revalidate: page }, async ([scope, description], { actor }) => {
  await updateScopeDescription(await getDb(), scope, String(description ?? ''), actor);
});

export const deleteScopeAction = adminAction({ args: [scopeName], revalidate: page }, async ([scope], { actor }) => {
  await deleteScope(await getDb(), scope, actor);
});
