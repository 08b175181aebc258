import type { Db } from '@/lib/db/client';
import { newId } from '@/lib/secrets/ids';
import { log } from '@/lib/log/logger';
import { hashPassword } from '@/lib/users/password';
import { recordAudit, type Actor } from '@/lib/audit/record-audit';
import { setUserDisabled } from '@/lib/users/manage-user';
import { deleteUser } from '@/lib/users/delete-user';
import { revokeUserGrants } from '@/lib/sessions/user-sessions';
import { sendInvitation } from '@/lib/account-links/invitation';
import type { UserManager } from '@/lib/users/user-manager';
import { ScimError } from './scim-error';
import { USER_SCHEMA } from './scim-schemas';
import { filterCondition, type FilterableAttribute } from './scim-filter';
import { applyPatch, readPatchOperations } from './apply-patch';
import { parseScimUser, toScimUser, USER_ROW_SELECT, type ScimUserInput } from './scim-user';
import type { ListQuery } from './list-query';

/**
 * The SCIM Users endpoint's rules. A directory connector manages end users: administrators
 * are not visible to it (404, never listed) and their addresses are taken (409). A user a
 * connector writes is marked as synced from it (scimClientId), so the console shows the
 * source and keeps the synced fields read-only.
 */

/** Only end users are the directory's. */
const DIRECTORY_USERS = { role: 'user' } as const;

const USER_FILTERS: Record<string, FilterableAttribute> = {
  id: { column: 'id' },
  username: { column: 'email', lower: true },
  'emails.value': { column: 'email', lower: true },
  externalid: { column: 'externalId' },
  active: { column: 'disabled', boolean: true },
};

export interface DirectoryCaller {
  clientId: string;
  actor: Actor;
  manager: UserManager;
}

export async function listScimUsers(db: Db, query: ListQuery) {
  const condition = filterCondition(query.filter, USER_FILTERS, USER_SCHEMA);
  const where = { AND: [DIRECTORY_USERS, invertActive(condition)] };
  const [total, rows] = await Promise.all([
    db.user.count({ where }),
    query.take === 0 ? [] : db.user.findMany({ where, select: USER_ROW_SELECT, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], skip: query.skip, take: query.take }),
  ]);
  return { total, resources: rows.map(toScimUser) };
}

/** `active eq true` is `disabled = false`. */
function invertActive(condition: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(condition), (key, value) => (key === 'disabled' && typeof value === 'boolean' ? !value : value)) as Record<string, unknown>;
}

export async function getScimUser(db: Db, id: string) {
  const row = await db.user.findFirst({ where: { id, ...DIRECTORY_USERS }, select: USER_ROW_SELECT });
  if (!row) throw new ScimError(404, `No user ${id}`);
  return toScimUser(row);
}

async function refuseTakenEmail(db: Db, email: string, exceptId?: string) {
  const taken = await db.user.findUnique({ where: { email }, select: { id: true } });
  if (taken && taken.id !== exceptId) throw new ScimError(409, `A user with the userName ${email} already exists`, 'uniqueness');
}

/**
 * POST /Users (RFC 7644 §3.3). Without a password, an active user is sent an invitation
 * to choose one; with one, it is hashed (argon2id) and the plaintext goes no further.
 */
export async function createScimUser(db: Db, caller: DirectoryCaller, body: Record<string, unknown>) {
  const input = parseScimUser(body);
  await refuseTakenEmail(db, input.email);
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password);
  const id = newId('usr');
  try {
    await db.$transaction(async (tx) => {
      await tx.user.create({
        data: {
          id,
          email: input.email,
          name: input.name,
          nickname: input.nickname,
          disabled: !input.active,
          externalId: input.externalId,
          scimClientId: caller.clientId,
          passwordHash,
        },
      });
      await recordAudit(tx, caller.actor, 'user.created', { type: 'user', id }, { after: { email: input.email, name: input.name, role: 'user', source: 'scim' } });
    });
  } catch (error) {
    // Two connectors racing for one address: the unique index decides.
    if ((error as { code?: string }).code === 'P2002') throw new ScimError(409, `A user with the userName ${input.email} already exists`, 'uniqueness');
    throw error;
  }
  if (!passwordHash && input.active) {
    await sendInvitation(db, caller.actor, id).catch((error: unknown) => log.warn('SCIM user created; the invitation was not sent', { user: id, error: String(error) }));
  }
  return getScimUser(db, id);
}

/** PUT /Users/{id} (RFC 7644 §3.5.1): the resource as sent replaces the stored one. */
export async function replaceScimUser(db: Db, caller: DirectoryCaller, id: string, body: Record<string, unknown>) {
  await getScimUser(db, id);
  return storeUser(db, caller, id, parseScimUser(body));
}

/** PATCH /Users/{id} (RFC 7644 §3.5.2): applied to the resource, then stored as a PUT would be. */
export async function patchScimUser(db: Db, caller: DirectoryCaller, id: string, body: Record<string, unknown>) {
  const operations = readPatchOperations(body);
  const current = await getScimUser(db, id);
  const patched = applyPatch(current, operations, USER_SCHEMA);
  return storeUser(db, caller, id, parseScimUser(patched));
}

async function storeUser(db: Db, caller: DirectoryCaller, id: string, input: ScimUserInput) {
  await refuseTakenEmail(db, input.email, id);
  const before = await db.user.findUniqueOrThrow({ where: { id }, select: { email: true, name: true, nickname: true, externalId: true, disabled: true } });
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password);
  const after = { email: input.email, name: input.name, nickname: input.nickname, externalId: input.externalId };
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id }, data: { ...after, scimClientId: caller.clientId, ...(passwordHash ? { passwordHash } : {}) } });
    const changed = Object.keys(after).filter((key) => before[key as keyof typeof after] !== after[key as keyof typeof after]);
    if (changed.length || passwordHash) {
      const pick = (source: Record<string, unknown>) => Object.fromEntries(changed.map((key) => [key, source[key]]));
      await recordAudit(
        tx,
        caller.actor,
        'user.updated',
        { type: 'user', id },
        { before: pick(before), after: { ...pick(after), ...(passwordHash ? { password_changed: true } : {}) } },
      );
    }
  });
  if (before.disabled === input.active) {
    // Deprovisioning: signed out in every browser, and every grant with its tokens revoked,
    // so no refresh token outlives the directory's decision.
    await setUserDisabled(db, caller.manager, id, !input.active);
    if (!input.active) await revokeUserGrants(db, id);
  }
  return getScimUser(db, id);
}

/** DELETE /Users/{id} (RFC 7644 §3.6): sessions, grants and memberships go with the account. */
export async function deleteScimUser(db: Db, caller: DirectoryCaller, id: string) {
  await getScimUser(db, id);
  await deleteUser(db, caller.manager, id);
}
