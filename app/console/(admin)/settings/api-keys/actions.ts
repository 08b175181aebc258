'use server';

import { revalidatePath } from 'next/cache';
import { z, ZodError } from 'zod';
import { getDb } from '@/lib/db/client';
import { NotAnAdmin, requireAdmin } from '@/lib/console/require-admin';
import { createApiKey, revokeApiKey, updateApiKeyGuardrails } from '@/lib/api-keys/api-keys';
import type { ApiKeyResponse } from '@/lib/api-keys/api-key-schema';
import { ServiceError, fieldProblems } from '@/lib/errors/service-error';
import type { ActionResult } from '../../clients/actions';

// Super admins only, checked in every action.

const apiKeyIdSchema = z.string().min(1).max(64);

async function run<T>(work: (actor: { type: 'admin'; id: string; label: string }) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const admin = await requireAdmin({ superAdmin: true });
    const data = await work({ type: 'admin', id: admin.id, label: admin.email });
    revalidatePath('/console/settings/api-keys');
    return { ok: true, data };
  } catch (error) {
    if (error instanceof NotAnAdmin) return { ok: false, message: 'Only super admins manage API keys', fields: [] };
    if (error instanceof ServiceError) return { ok: false, message: error.message, fields: error.fields };
    // A forged call with malformed arguments gets field errors, not a 500.
    if (error instanceof ZodError) return { ok: false, message: 'Fix the highlighted fields', fields: fieldProblems(error) };
    throw error;
  }
}

export async function createApiKeyAction(input: unknown): Promise<ActionResult<{ api_key: ApiKeyResponse; key: string }>> {
  return run(async (actor) => createApiKey(await getDb(), input, actor));
}

export async function updateApiKeyGuardrailsAction(id: unknown, patch: unknown): Promise<ActionResult<ApiKeyResponse>> {
  return run(async (actor) => updateApiKeyGuardrails(await getDb(), apiKeyIdSchema.parse(id), patch, actor));
}

export async function revokeApiKeyAction(id: unknown): Promise<ActionResult> {
  return run(async (actor) => {
    await revokeApiKey(await getDb(), apiKeyIdSchema.parse(id), actor);
    return undefined;
  });
}
