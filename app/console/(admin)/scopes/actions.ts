'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { NotAnAdmin, requireAdmin } from '@/lib/console/require-admin';
import { createScope, deleteScope, updateScopeDescription } from '@/lib/scopes/scope-service';
import { ServiceError } from '@/lib/errors/service-error';
import type { ActionResult } from '../clients/actions';

async function run(work: () => Promise<unknown>): Promise<ActionResult> {
  try {
    await requireAdmin();
    await work();
    revalidatePath('/console/scopes');
    return { ok: true, data: undefined };
  } catch (error) {
    if (error instanceof NotAnAdmin || error instanceof ServiceError) return { ok: false, message: error.message, fields: error instanceof ServiceError ? error.fields : [] };
    throw error;
  }
}

const name = z.string().min(1).max(64);

export async function createScopeAction(input: unknown): Promise<ActionResult> {
  return run(async () => createScope(await getDb(), input as never));
}

export async function updateScopeAction(scope: unknown, description: unknown): Promise<ActionResult> {
  return run(async () => updateScopeDescription(await getDb(), name.parse(scope), String(description ?? '')));
}

export async function deleteScopeAction(scope: unknown): Promise<ActionResult> {
  return run(async () => deleteScope(await getDb(), name.parse(scope)));
}
