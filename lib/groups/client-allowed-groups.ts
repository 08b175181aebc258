import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { parseList } from '@/lib/db/json-list';
import { parseInput, ServiceError } from '@/lib/errors/service-error';
import { recordAudit, type Actor } from '@/lib/audit/record-audit';
import { assertClientReachable, type ClientAccess } from '@/lib/clients/client-access';

/**
 * A client's "Allowed groups": only members of one of them may sign in to it (the check
 * is group-access-prompt.ts). `null` lets every user in, which is how every client starts.
 */
export const allowedGroupsSchema = z.strictObject({
  allowed_groups: z
    .array(z.string({ error: 'Use group ids' }).min(1).max(64), { error: 'Use a list of group ids, or null for everyone' })
    .max(100, 'Use at most 100 groups')
    .nullable(),
});

export interface AllowedGroups {
  client_id: string;
  /** null: everyone may sign in. */
  allowed_groups: { id: string; display_name: string }[] | null;
}

export async function getAllowedGroups(db: Db, clientId: string, access: ClientAccess): Promise<AllowedGroups> {
  await assertClientReachable(db, access, clientId, 'read');
  const client = await db.oAuthClient.findUniqueOrThrow({ where: { clientId }, select: { allowedGroups: true } });
  if (client.allowedGroups === null) return { client_id: clientId, allowed_groups: null };
  const groups = await db.group.findMany({ where: { id: { in: parseList(client.allowedGroups) } }, select: { id: true, displayName: true }, orderBy: { displayName: 'asc' } });
  return { client_id: clientId, allowed_groups: groups.map((group) => ({ id: group.id, display_name: group.displayName })) };
}

/** Sets (or, with null, lifts) the limit. Every id must be a group; audited as client.allowed_groups_changed. */
export async function setAllowedGroups(db: Db, clientId: string, input: unknown, actor: Actor, access: ClientAccess): Promise<AllowedGroups> {
  const { allowed_groups } = parseInput(allowedGroupsSchema, input);
  await assertClientReachable(db, access, clientId, 'write');
  const ids = allowed_groups === null ? null : [...new Set(allowed_groups)];
  if (ids) {
    const found = new Set((await db.group.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((group) => group.id));
    const unknown = ids.map((id, index) => ({ id, index })).filter(({ id }) => !found.has(id));
    if (unknown.length)
      throw new ServiceError(
        'invalid_request',
        'Unknown group',
        unknown.map(({ id, index }) => ({ path: `allowed_groups[${index}]`, message: `No group has the id ${id}` })),
      );
  }
  const before = await db.oAuthClient.findUniqueOrThrow({ where: { clientId }, select: { allowedGroups: true } });
  await db.$transaction(async (tx) => {
    await tx.oAuthClient.update({ where: { clientId }, data: { allowedGroups: ids === null ? null : JSON.stringify(ids) } });
    await recordAudit(
      tx,
      actor,
      'client.allowed_groups_changed',
      { type: 'client', id: clientId },
      { before: { allowed_groups: before.allowedGroups === null ? null : parseList(before.allowedGroups) }, after: { allowed_groups: ids } },
    );
  });
  return getAllowedGroups(db, clientId, access);
}
