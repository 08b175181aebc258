import Link from 'next/link';
import type { GroupView } from '@/lib/groups/list-groups';
import { PageHeader } from '../page-header';

/**
 * The Groups page: each group with where it comes from and its members. Groups a
 * directory connector provisions are changed in the directory, so the page only shows them.
 */
export function GroupsView({ groups }: { groups: GroupView[] }) {
  return (
    <div>
      <PageHeader
        section="Directory"
        title="Groups"
        description="Groups of users, kept in step with your directory over SCIM. Applications receive their names in the groups claim, and a client can be limited to some of them."
      />
      {groups.length === 0 ? (
        <p className="text-sm text-slate-500">No groups yet. Point a directory connector at /scim/v2 to sync them (see the README).</p>
      ) : (
        <ul className="space-y-4" aria-label="Groups">
          {groups.map((group) => (
            <li key={group.id}>
              <section aria-label={group.displayName} className="rounded-lg border border-slate-200 p-4 dark:border-slate-800">
                <div className="flex flex-wrap items-baseline justify-between gap-2">
                  <h2 className="font-semibold">
                    <bdi>{group.displayName}</bdi>
                  </h2>
                  <span className="text-xs text-slate-500">
                    {group.source ? <bdi>{group.source}</bdi> : 'Thalamus'} · {group.members.length} {group.members.length === 1 ? 'member' : 'members'}
                  </span>
                </div>
                {group.members.length > 0 && (
                  <ul className="mt-3 flex flex-wrap gap-2 text-sm" aria-label={`Members of ${group.displayName}`}>
                    {group.members.map((member) => (
                      <li key={member.id}>
                        <Link href={`/console/users?user=${member.id}`} className="rounded bg-slate-100 px-2 py-1 hover:underline dark:bg-slate-800">
                          <bdi>{member.email}</bdi>
                        </Link>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
