'use server';

import { revalidatePath } from 'next/cache';
import { z, ZodError } from 'zod';
import { getDb } from '@/lib/db/client';
import { NotAnAdmin, requireAdmin } from '@/lib/console/require-admin';
import { createScope, deleteScope, updateScopeDescription } from '@/lib/scopes/scope-service';
import { ServiceError, fieldProblems } from '@/lib/errors/service-error';
import type { ActionResult } from '../clients/actions';
import type { Actor } from '@/lib/audit/record-audit';

async function run(work: (actor: Actor) => Promise<unknown>): Promise<ActionResult> {
  try {
    const admin = await requireAdmin();
    await work({ type: 'admin', id: admin.id, label: admin.email });
    revalidatePath('/console/scopes');
    return { ok: true, data: undefined };
  } catch (error) {
    if (error instanceof NotAnAdmin || error instanceof ServiceError) return { ok: false, message: error.message, fields: error instanceof ServiceError ? error.fields : [] };
    // A forged call with malformed arguments gets field errors, not a 500.
    if (error instanceof ZodError) return { ok: false, message: 'Fix the highlighted fields', fields: fieldProblems(error) };
    throw error;
  }
}

const name = z.string().min(1).max(64);

export async function createScopeAction(input: unknown): Promise<ActionResult> {
  return run(async (actor) => createScope(await getDb(), input, actor));
}

export async function updateScopeAction(scope: unknown, description: unknown): Promise<ActionResult> {
  return run(async (actor) => updateScopeDescription(await getDb(), name.parse(scope), String(description ?? ''), actor));
}

export async function deleteScopeAction(scope: unknown): Promise<ActionResult> {
  return run(async (actor) => deleteScope(await getDb(), name.parse(scope), actor));
}
