import type { Db } from '@/lib/db/client';
import { newId } from '@/lib/secrets/ids';
import { recordAudit } from '@/lib/audit/record-audit';
import { ScimError } from './scim-error';
import { GROUP_SCHEMA } from './scim-schemas';
import { filterCondition, type FilterableAttribute } from './scim-filter';
import { applyPatch, readPatchOperations } from './apply-patch';
import { GROUP_ROW_SELECT, parseScimGroup, toScimGroup, type ScimGroupInput } from './scim-group';
import type { ListQuery } from './list-query';
import type { DirectoryCaller } from './scim-users';

/**
 * The SCIM Groups endpoint's rules. Members are end users (the ones the connector sees);
 * an administrator added to a group in the console stays in it whatever the connector
 * sends. Every change checks all of its members first, then writes in one transaction.
 */

const GROUP_FILTERS: Record<string, FilterableAttribute> = {
  id: { column: 'id' },
  displayname: { column: 'displayName' },
  externalid: { column: 'externalId' },
  'members.value': { column: 'userId', wrap: (inner) => ({ members: { some: inner } }) },
};

export async function listScimGroups(db: Db, query: ListQuery) {
  const where = filterCondition(query.filter, GROUP_FILTERS, GROUP_SCHEMA);
  const [total, rows] = await Promise.all([
    db.group.count({ where }),
    query.take === 0 ? [] : db.group.findMany({ where, select: GROUP_ROW_SELECT, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], skip: query.skip, take: query.take }),
  ]);
  return { total, resources: rows.map(toScimGroup) };
}

export async function getScimGroup(db: Db, id: string) {
  const row = await db.group.findUnique({ where: { id }, select: GROUP_ROW_SELECT });
  if (!row) throw new ScimError(404, `No group ${id}`);
  return toScimGroup(row);
}

async function checkGroup(db: Db, input: ScimGroupInput, exceptId?: string) {
  const taken = await db.group.findUnique({ where: { displayName: input.displayName }, select: { id: true } });
  if (taken && taken.id !== exceptId) throw new ScimError(409, `A group named ${input.displayName} already exists`, 'uniqueness');
  const found = await db.user.findMany({ where: { id: { in: input.memberIds }, role: 'user' }, select: { id: true } });
  const known = new Set(found.map((user) => user.id));
  const unknown = input.memberIds.filter((id) => !known.has(id));
  if (unknown.length) throw new ScimError(400, `No such user: ${unknown.slice(0, 5).join(', ')}${unknown.length > 5 ? ', …' : ''}`, 'invalidValue');
}

function conflictOnRace(error: unknown, name: string): never {
  if ((error as { code?: string }).code === 'P2002') throw new ScimError(409, `A group named ${name} already exists`, 'uniqueness');
  throw error;
}

export async function createScimGroup(db: Db, caller: DirectoryCaller, body: Record<string, unknown>) {
  const input = parseScimGroup(body);
  await checkGroup(db, input);
  const id = newId('grp');
  await db
    .$transaction(async (tx) => {
      await tx.group.create({ data: { id, displayName: input.displayName, externalId: input.externalId, scimClientId: caller.clientId } });
      if (input.memberIds.length) await tx.groupMember.createMany({ data: input.memberIds.map((userId) => ({ groupId: id, userId })) });
      await recordAudit(tx, caller.actor, 'group.created', { type: 'group', id }, { after: { display_name: input.displayName, members: input.memberIds.length } });
    })
    .catch((error: unknown) => conflictOnRace(error, input.displayName));
  return getScimGroup(db, id);
}

export async function replaceScimGroup(db: Db, caller: DirectoryCaller, id: string, body: Record<string, unknown>) {
  await getScimGroup(db, id);
  return storeGroup(db, caller, id, parseScimGroup(body));
}

export async function patchScimGroup(db: Db, caller: DirectoryCaller, id: string, body: Record<string, unknown>) {
  const operations = readPatchOperations(body);
  const current = await getScimGroup(db, id);
  return storeGroup(db, caller, id, parseScimGroup(applyPatch(current, operations, GROUP_SCHEMA)));
}

async function storeGroup(db: Db, caller: DirectoryCaller, id: string, input: ScimGroupInput) {
  await checkGroup(db, input, id);
  const current = await db.groupMember.findMany({ where: { groupId: id, user: { role: 'user' } }, select: { userId: true } });
  const before = new Set(current.map((member) => member.userId));
  const wanted = new Set(input.memberIds);
  const added = input.memberIds.filter((userId) => !before.has(userId));
  const removed = [...before].filter((userId) => !wanted.has(userId));
  await db
    .$transaction(async (tx) => {
      await tx.group.update({ where: { id }, data: { displayName: input.displayName, externalId: input.externalId, scimClientId: caller.clientId } });
      if (removed.length) await tx.groupMember.deleteMany({ where: { groupId: id, userId: { in: removed } } });
      if (added.length) await tx.groupMember.createMany({ data: added.map((userId) => ({ groupId: id, userId })) });
      await recordAudit(tx, caller.actor, 'group.updated', { type: 'group', id }, { after: { display_name: input.displayName, members_added: added, members_removed: removed } });
    })
    .catch((error: unknown) => conflictOnRace(error, input.displayName));
  return getScimGroup(db, id);
}

export async function deleteScimGroup(db: Db, caller: DirectoryCaller, id: string) {
  const group = await getScimGroup(db, id);
  await db.$transaction(async (tx) => {
    await tx.group.delete({ where: { id } });
    await recordAudit(tx, caller.actor, 'group.deleted', { type: 'group', id }, { before: { display_name: group.displayName } });
  });
}
