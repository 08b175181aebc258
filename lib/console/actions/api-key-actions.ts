'use server';

import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { adminAction } from '@/lib/console/admin-action';
import { createApiKey, revokeApiKey, updateApiKeyGuardrails } from '@/lib/api-keys/api-keys';

// Super admins only, checked in every action.

const apiKeyId = z.string().min(1).max(64);
const superAdminsOnly = { revalidate: '/console/settings/api-keys', role: 'super_admin', forbiddenMessage: 'Only super admins manage API keys' } as const;

export const createApiKeyAction = adminAction({ ...superAdminsOnly, args: [z.unknown()] }, async ([input], { actor }) => createApiKey(await getDb(), input, actor));

export const updateApiKeyGuardrailsAction = adminAction({ ...superAdminsOnly, args: [apiKeyId, z.unknown()] }, async ([id, patch], { actor }) =>
  updateApiKeyGuardrails(await getDb(), id, patch, actor),
);

export const revokeApiKeyAction = adminAction({ ...superAdminsOnly, args: [apiKeyId] }, async ([id], { actor }) => {
  await revokeApiKey(await getDb(), id, actor);
});
