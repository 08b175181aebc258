import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { parseInput, ServiceError } from '@/lib/errors/service-error';
import { diff, recordAudit, type Actor } from '@/lib/audit/record-audit';
import { newId } from '@/lib/secrets/ids';
import { displayText } from '@/lib/text/display-text';

/** Organizations group clients (a tenant, a business unit); every client belongs to one. */
export const organizationCreateSchema = z.strictObject({
  name: displayText({ label: 'Name', max: 100, required: true }),
  description: displayText({ label: 'Description', max: 500 }).default(''),
});
export type OrganizationCreateInput = z.input<typeof organizationCreateSchema>;

export const organizationResponseSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  is_default: z.boolean(),
  client_count: z.number().int(),
  created_at: z.iso.datetime(),
});
export type OrganizationResponse = z.infer<typeof organizationResponseSchema>;

export async function listOrganizations(db: Db): Promise<OrganizationResponse[]> {
  const rows = await db.organization.findMany({ orderBy: [{ isDefault: 'desc' }, { name: 'asc' }], include: { _count: { select: { clients: true } } } });
  return rows.map((row) =>
    organizationResponseSchema.parse({
      id: row.id,
      name: row.name,
      description: row.description,
      is_default: row.isDefault,
      client_count: row._count.clients,
      created_at: row.createdAt.toISOString(),
    }),
  );
}

/** Organization IDs as Thalamus makes them (`org_…`), and as a configuration document may carry them. */
export const organizationIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Use at most 64 letters, digits, _ and -');

/**
 * `options.id`: the ID to create it with instead of a new one. Only applying a
 * configuration document (lib/config-as-code) passes it, so that an organization keeps its
 * ID from one installation to the next.
 */
export async function createOrganization(db: Db, input: unknown, actor: Actor, options: { id?: string } = {}): Promise<OrganizationResponse> {
  const parsed = organizationCreateSchema.safeParse(input);
  if (!parsed.success) throw ServiceError.fromZod(parsed.error);
  if (await db.organization.findUnique({ where: { name: parsed.data.name } })) {
    throw new ServiceError('conflict', 'An organization with this name exists', [{ path: 'name', message: 'This name is taken' }]);
  }
  return db.$transaction(async (tx) => {
    const row = await tx.organization.create({ data: { id: options.id ?? newId('org'), ...parsed.data } });
    const response = organizationResponseSchema.parse({
      id: row.id,
      name: row.name,
      description: row.description,
      is_default: false,
      client_count: 0,
      created_at: row.createdAt.toISOString(),
    });
    await recordAudit(tx, actor, 'organization.created', { type: 'organization', id: row.id }, { after: response });
    return response;
  });
}

/** A new name or description; the ID, which clients refer to, stays. */
export async function updateOrganization(db: Db, id: string, input: unknown, actor: Actor): Promise<void> {
  const patch = parseInput(organizationCreateSchema.partial(), input);
  const current = await db.organization.findUnique({ where: { id } });
  if (!current) throw new ServiceError('not_found', `No organization has the ID ${id}`);
  if (patch.name !== undefined && patch.name !== current.name && (await db.organization.findUnique({ where: { name: patch.name }, select: { id: true } }))) {
    throw new ServiceError('conflict', 'An organization with this name exists', [{ path: 'name', message: 'This name is taken' }]);
  }
  await db.$transaction(async (tx) => {
    const row = await tx.organization.update({ where: { id }, data: { name: patch.name, description: patch.description } });
    await recordAudit(
      tx,
      actor,
      'organization.updated',
      { type: 'organization', id },
      diff({ name: current.name, description: current.description }, { name: row.name, description: row.description }),
    );
  });
}

/** The default organization stays, and so does one that still has clients (every client belongs to one). */
export async function deleteOrganization(db: Db, id: string, actor: Actor): Promise<void> {
  const row = await db.organization.findUnique({ where: { id }, include: { _count: { select: { clients: true } } } });
  if (!row) throw new ServiceError('not_found', `No organization has the ID ${id}`);
  if (row.isDefault) throw new ServiceError('forbidden', 'The default organization cannot be deleted');
  if (row._count.clients > 0) {
    throw new ServiceError('conflict', `${row.name} still has ${row._count.clients === 1 ? 'a client' : `${row._count.clients} clients`}: move or delete them first`, [
      { path: 'id', message: 'Has clients' },
    ]);
  }
  await db.$transaction(async (tx) => {
    await tx.organization.delete({ where: { id } });
    await recordAudit(tx, actor, 'organization.deleted', { type: 'organization', id }, { before: { id, name: row.name, description: row.description } });
  });
}
