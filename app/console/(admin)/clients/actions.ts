'use server';

import { revalidatePath } from 'next/cache';
import { z, ZodError } from 'zod';
import { getDb } from '@/lib/db/client';
import { requireAdmin, NotAnAdmin } from '@/lib/console/require-admin';
import { createClient } from '@/lib/clients/create-client';
import { updateClient } from '@/lib/clients/update-client';
import { deleteClient, setClientEnabled } from '@/lib/clients/delete-client';
import { syncConnectorClient } from '@/lib/clients/sync-connector';
import { rotateClientSecret } from '@/lib/clients/rotate-client-secret';
import { ServiceError, fieldProblems, type FieldProblem } from '@/lib/errors/service-error';
import type { ClientResponse } from '@/lib/clients/client-schema';
import type { Actor } from '@/lib/audit/record-audit';
import type { ClientAccess } from '@/lib/clients/client-access';

// Every export is a public endpoint: each checks the admin session itself and
// validates its input with the same schema the admin API uses (in lib/clients).

export type ActionResult<T = undefined> = { ok: true; data: T } | { ok: false; message: string; fields: FieldProblem[] };

const clientIdSchema = z.string().min(1).max(128);

async function run<T>(work: (actor: Actor, access: ClientAccess) => Promise<T>): Promise<ActionResult<T>> {
  try {
    const admin = await requireAdmin();
    const data = await work({ type: 'admin', id: admin.id, label: admin.email }, { kind: 'operator', superAdmin: admin.role === 'super_admin' });
    revalidatePath('/console/clients');
    return { ok: true, data };
  } catch (error) {
    if (error instanceof NotAnAdmin) return { ok: false, message: error.message, fields: [] };
    if (error instanceof ServiceError) return { ok: false, message: error.message, fields: error.fields };
    // A forged call with malformed arguments gets field errors, not a 500.
    if (error instanceof ZodError) return { ok: false, message: 'Fix the highlighted fields', fields: fieldProblems(error) };
    throw error;
  }
}

export async function createClientAction(input: unknown): Promise<ActionResult<{ client: ClientResponse; client_secret?: string }>> {
  return run(async (actor, access) => createClient(await getDb(), input, actor, access));
}

export async function createSyncConnectorAction(name: unknown, description: unknown): Promise<ActionResult<{ client: ClientResponse; client_secret?: string }>> {
  return run(async (actor, access) => createClient(await getDb(), syncConnectorClient(String(name ?? ''), String(description ?? '')), actor, access));
}

export async function updateClientAction(clientId: unknown, input: unknown): Promise<ActionResult<ClientResponse>> {
  return run(async (actor, access) => updateClient(await getDb(), clientIdSchema.parse(clientId), input, actor, access));
}

export async function deleteClientAction(clientId: unknown): Promise<ActionResult> {
  return run(async (actor) => {
    await deleteClient(await getDb(), clientIdSchema.parse(clientId), actor);
    return undefined;
  });
}

export async function setClientEnabledAction(clientId: unknown, enabled: unknown): Promise<ActionResult> {
  return run(async (actor) => {
    await setClientEnabled(await getDb(), clientIdSchema.parse(clientId), z.boolean().parse(enabled), actor);
    return undefined;
  });
}

export async function rotateClientSecretAction(clientId: unknown, input: unknown): Promise<ActionResult<{ client: ClientResponse; client_secret: string }>> {
  return run(async (actor, access) => rotateClientSecret(await getDb(), clientIdSchema.parse(clientId), input, actor, access));
}
