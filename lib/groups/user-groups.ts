import type { Db } from '@/lib/db/client';
import { parseList } from '@/lib/db/json-list';

/** The names of the groups a user belongs to, for the `groups` claim (ID token and userinfo). */
export async function groupNamesOf(db: Db, userId: string): Promise<string[]> {
  const memberships = await db.groupMember.findMany({ where: { userId }, select: { group: { select: { displayName: true } } } });
  return memberships.map((membership) => membership.group.displayName).sort((a, b) => a.localeCompare(b));
}

/**
 * Whether a user may sign in to a client limited to members of some groups ("Allowed
 * groups" on the client). A client without the limit (null) lets everyone in; an empty
 * list lets nobody in.
 */
export async function isAllowedByGroups(db: Db, allowedGroups: string | null, userId: string): Promise<boolean> {
  if (allowedGroups === null) return true;
  const ids = parseList(allowedGroups);
  if (!ids.length) return false;
  return (await db.groupMember.count({ where: { userId, groupId: { in: ids } } })) > 0;
}
