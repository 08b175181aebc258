import type { Db } from '@/lib/db/client';
import { parseInput, ServiceError } from '@/lib/errors/service-error';
import { diff, recordAudit, type Actor } from '@/lib/audit/record-audit';
import { userProfileSchema } from './user-schema';

const profileColumns = { name: true, nickname: true, picture: true } as const;

export interface UserProfile {
  id: string;
  email: string;
  name: string;
  nickname: string;
  picture: string;
}

/**
 * Changes a user's name, nickname or picture: the profile claims the provider puts in
 * ID tokens and userinfo from the next sign-in or userinfo call on. Only the fields given
 * change ('' clears one); the audit row records what changed, before and after.
 */
export async function updateUserProfile(db: Db, actor: Actor, userId: string, input: unknown): Promise<UserProfile> {
  const patch = parseInput(userProfileSchema, input);
  const before = await db.user.findUnique({ where: { id: userId }, select: { id: true, email: true, ...profileColumns } });
  if (!before) throw new ServiceError('not_found', 'No such user');
  const current = { name: before.name, nickname: before.nickname, picture: before.picture };
  const given = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
  const changes = diff(current, { ...current, ...given });
  if (!Object.keys(changes.after ?? {}).length) return before;
  return db.$transaction(async (tx) => {
    const user = await tx.user.update({ where: { id: userId }, data: given, select: { id: true, email: true, ...profileColumns } });
    await recordAudit(tx, actor, 'user.updated', { type: 'user', id: userId }, changes);
    return user;
  });
}
