import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { ServiceError } from '@/lib/errors/service-error';
import { recordAudit, type Actor } from '@/lib/audit/record-audit';
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

export async function createOrganization(db: Db, input: unknown, actor: Actor): Promise<OrganizationResponse> {
  const parsed = organizationCreateSchema.safeParse(input);
  if (!parsed.success) throw ServiceError.fromZod(parsed.error);
  if (await db.organization.findUnique({ where: { name: parsed.data.name } })) {
    throw new ServiceError('conflict', 'An organization with this name exists', [{ path: 'name', message: 'This name is taken' }]);
  }
  return db.$transaction(async (tx) => {
    const row = await tx.organization.create({ data: { id: newId('org'), ...parsed.data } });
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
