import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getDb, type Db } from '@/lib/db/client';
import { parseListQuery } from '@/lib/db/list-query';
import { consoleAccess } from '@/lib/console/require-admin';
import { listUsers, toUserSummary, userListQuerySchema } from '@/lib/users/list-users';
import { lockedUntil } from '@/lib/users/account-lock';
import { userSources } from '@/lib/scim/user-source';
import { userSecurityEvents, userSessionsView } from '@/lib/users/user-activity';
import { listAuditEvents } from '@/lib/audit/list-audit-events';
import { mailConfigured } from '@/lib/mail/send-mail';
import { UsersView, type SelectedUser } from '@/components/console/users/users-view';

export const metadata: Metadata = { title: 'Users' };

type Search = Record<string, string | string[] | undefined>;

/** The user whose details are open (`?user=<id>`); an unknown ID opens nothing. */
async function selectedUser(db: Db, id: string | undefined): Promise<SelectedUser | undefined> {
  const row = id ? await db.user.findUnique({ where: { id } }) : null;
  if (!row) return undefined;
  const [locks, sources, activity, events, history] = await Promise.all([
    lockedUntil(db, [row]),
    userSources(db, [row]),
    userSessionsView(db, row.id),
    userSecurityEvents(db, row.id),
    listAuditEvents(db, { target_type: 'user', target_id: row.id, page: 1, page_size: 20 }),
  ]);
  return { user: toUserSummary(row, locks.get(row.id), sources), activity, securityEvents: events.events, history: history.events };
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  const access = await consoleAccess();
  if (access.status !== 'admin') redirect('/console/sign-in');
  const raw = await searchParams;
  const query = parseListQuery(userListQuerySchema, raw);
  const db = await getDb();
  const [{ users, total }, selected] = await Promise.all([listUsers(db, query), selectedUser(db, Array.isArray(raw.user) ? raw.user[0] : raw.user)]);
  return (
    <UsersView
      users={users}
      total={total}
      query={query}
      selected={selected}
      currentAdminId={access.admin.id}
      canChangeRoles={access.admin.role === 'super_admin'}
      mailConfigured={mailConfigured()}
    />
  );
}
