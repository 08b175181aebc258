'use server';

import { revalidatePath } from 'next/cache';
import { z, ZodError } from 'zod';
import { getDb } from '@/lib/db/client';
import { NotAnAdmin, requireAdmin, type ConsoleAdmin } from '@/lib/console/require-admin';
import { createUser } from '@/lib/users/create-user';
import { resetUserMfa, setUserAdmin, setUserDisabled } from '@/lib/users/manage-user';
import { ServiceError, fieldProblems } from '@/lib/errors/service-error';
import type { ActionResult } from '../clients/actions';
import type { Actor } from '@/lib/audit/record-audit';

async function run(work: (admin: ConsoleAdmin, actor: Actor) => Promise<unknown>, options: { superAdmin?: boolean } = {}): Promise<ActionResult> {
  try {
    const admin = await requireAdmin(options);
    await work(admin, { type: 'admin', id: admin.id, label: admin.email });
    revalidatePath('/console/users');
    return { ok: true, data: undefined };
  } catch (error) {
    if (error instanceof NotAnAdmin) return { ok: false, message: options.superAdmin ? 'Only super admins can change roles' : error.message, fields: [] };
    if (error instanceof ServiceError) return { ok: false, message: error.message, fields: error.fields };
    if (error instanceof ZodError) return { ok: false, message: 'Fix the highlighted fields', fields: fieldProblems(error) };
    throw error;
  }
}

const id = z.string().min(1).max(64);
const newUser = z.strictObject({ email: z.string(), name: z.string(), password: z.string(), role: z.enum(['user', 'admin']) });

export async function createUserAction(input: unknown): Promise<ActionResult> {
  return run(async (admin, actor) => {
    const data = newUser.parse(input);
    if (data.role === 'admin' && admin.role !== 'super_admin') throw new ServiceError('forbidden', 'Only super admins can create administrators');
    await createUser(await getDb(), data, actor);
  });
}

export async function setUserDisabledAction(userId: unknown, disabled: unknown): Promise<ActionResult> {
  return run(async (_admin, actor) => setUserDisabled(await getDb(), actor, id.parse(userId), z.boolean().parse(disabled)));
}

export async function setUserAdminAction(userId: unknown, makeAdmin: unknown): Promise<ActionResult> {
  return run(async (_admin, actor) => setUserAdmin(await getDb(), actor, id.parse(userId), z.boolean().parse(makeAdmin)), { superAdmin: true });
}

export async function resetMfaAction(userId: unknown): Promise<ActionResult> {
  return run(async (_admin, actor) => resetUserMfa(await getDb(), actor, id.parse(userId)));
}
