import type { Db } from '@/lib/db/client';
import { userSources } from '@/lib/scim/user-source';

/** A group as the console's Groups page shows it. */
export interface GroupView {
  id: string;
  displayName: string;
  /** "SCIM: <connector>" or null for a group kept in Thalamus. */
  source: string | null;
  members: { id: string; email: string; name: string }[];
}

/** Every group with its members, by name (a directory has tens to hundreds of groups). */
export async function listGroups(db: Db): Promise<GroupView[]> {
  const groups = await db.group.findMany({
    orderBy: { displayName: 'asc' },
    take: 500,
    select: { id: true, displayName: true, scimClientId: true, members: { select: { user: { select: { id: true, email: true, name: true } } }, orderBy: { createdAt: 'asc' } } },
  });
  const sources = await userSources(db, groups);
  return groups.map((group) => ({
    id: group.id,
    displayName: group.displayName,
    source: group.scimClientId ? (sources.get(group.scimClientId) ?? null) : null,
    members: group.members.map((member) => member.user),
  }));
}
