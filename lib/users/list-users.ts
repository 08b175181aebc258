import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { containsText } from '@/lib/db/text-search';
import { pageNumber, pageSize, searchText, sortFields } from '@/lib/db/list-query';
import { lockedUntil } from './account-lock';
import { userSources } from '@/lib/scim/user-source';

/** What the user list can be ordered by (the console's sortable headers); `status` puts active users first when ascending. */
export const USER_SORTS = ['email', 'role', 'status', 'created_at'] as const;
const orderColumn = { email: 'email', role: 'role', status: 'disabled', created_at: 'createdAt' } as const;

export const USER_ROLES = ['user', 'admin', 'super_admin'] as const;

/** The console's user list: `?q=&role=&sort=&order=&page=&page_size=`. */
export const userListQuerySchema = z.object({
  q: searchText,
  role: z.enum(USER_ROLES).optional(),
  ...sortFields(USER_SORTS, { sort: 'created_at', order: 'desc' }),
  page: pageNumber,
  page_size: pageSize(25),
});
export type UserListQuery = z.output<typeof userListQuerySchema>;

/** What the console shows of a user: never a password hash or an MFA secret. */
export interface UserSummary {
  id: string;
  email: string;
  name: string;
  nickname: string;
  picture: string;
  role: string;
  emailVerified: boolean;
  disabled: boolean;
  /** Until when sign-in is refused after too many failures (lib/users/account-lock.ts); null when not locked. */
  lockedUntil: string | null;
  mfaEnabled: boolean;
  mfaRequired: boolean;
  /** False until an invited person chooses their password: the console then offers "Resend invitation". */
  passwordSet: boolean;
  createdAt: string;
  lastLoginAt: string | null;
  /** "SCIM: <connector>" for a user a directory connector provisioned (lib/scim/user-source.ts); null for a local one. */
  source: string | null;
}

export async function listUsers(db: Db, query: UserListQuery): Promise<{ users: UserSummary[]; total: number; page: number; page_size: number }> {
  const where = {
    ...(query.role ? { role: query.role } : {}),
    ...(query.q ? { OR: [{ email: containsText(query.q) }, { name: containsText(query.q) }] } : {}),
  };
  // Ties (one role, one status) are broken by ID, so every page has one order.
  const orderBy = [{ [orderColumn[query.sort]]: query.order }, { id: 'asc' as const }];
  const [rows, total] = await Promise.all([db.user.findMany({ where, orderBy, skip: (query.page - 1) * query.page_size, take: query.page_size }), db.user.count({ where })]);
  const [locks, sources] = await Promise.all([lockedUntil(db, rows), userSources(db, rows)]);
  return {
    users: rows.map((u) => toUserSummary(u, locks.get(u.id), sources)),
    total,
    page: query.page,
    page_size: query.page_size,
  };
}

type UserRow = Awaited<ReturnType<Db['user']['findMany']>>[number];

export function toUserSummary(u: UserRow, locked: Date | undefined, sources: Map<string, string> = new Map()): UserSummary {
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    nickname: u.nickname,
    picture: u.picture,
    role: u.role,
    emailVerified: u.emailVerified,
    disabled: u.disabled,
    lockedUntil: locked?.toISOString() ?? null,
    mfaEnabled: !!u.totpEnabledAt,
    mfaRequired: u.mfaRequired,
    passwordSet: u.passwordHash !== null,
    createdAt: u.createdAt.toISOString(),
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    source: u.scimClientId ? (sources.get(u.scimClientId) ?? 'SCIM') : null,
  };
}

/** GET /api/users: `?q=&role=&limit=&cursor=`, newest first, cursor paging stable under inserts. */
export const userCursorQuerySchema = z.strictObject({
  q: searchText.meta({ description: 'Search by email or name' }),
  role: z.enum(USER_ROLES, { error: 'Use user, admin or super_admin' }).optional(),
  limit: z.coerce.number({ error: 'Use a number from 1 to 100' }).int('Use a whole number').min(1, 'Use at least 1').max(100, 'Use at most 100').default(20),
  cursor: z.string().max(500).optional(),
});
export type UserCursorQuery = z.output<typeof userCursorQuerySchema>;
