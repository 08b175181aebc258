'use server';

import { revalidatePath } from 'next/cache';
import { getDb } from '@/lib/db/client';
import { NotAnAdmin, requireAdmin } from '@/lib/console/require-admin';
import { createOrganization } from '@/lib/organizations/organization-service';
import { ServiceError } from '@/lib/errors/service-error';
import type { ActionResult } from '../clients/actions';

export async function createOrganizationAction(input: unknown): Promise<ActionResult> {
  try {
    const admin = await requireAdmin();
    await createOrganization(await getDb(), input, { type: 'admin', id: admin.id, label: admin.email });
    revalidatePath('/console/organizations');
    return { ok: true, data: undefined };
  } catch (error) {
    if (error instanceof NotAnAdmin || error instanceof ServiceError) return { ok: false, message: error.message, fields: error instanceof ServiceError ? error.fields : [] };
    throw error;
  }
}
