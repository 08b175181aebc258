import { z } from 'zod';
import type { Db } from '@/lib/db/client';
import { containsText } from '@/lib/db/text-search';
import { pageNumber, pageSize, searchText } from '@/lib/db/list-query';

export const userListQuerySchema = z.object({
  q: searchText,
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
  disabled: boolean;
  mfaEnabled: boolean;
  mfaRequired: boolean;
  createdAt: string;
  lastLoginAt: string | null;
}

export async function listUsers(db: Db, query: UserListQuery): Promise<{ users: UserSummary[]; total: number; page: number; page_size: number }> {
  const where = query.q ? { OR: [{ email: containsText(query.q) }, { name: containsText(query.q) }] } : {};
  const [rows, total] = await Promise.all([
    db.user.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], skip: (query.page - 1) * query.page_size, take: query.page_size }),
    db.user.count({ where }),
  ]);
  return {
    users: rows.map((u) => ({
      id: u.id,
      email: u.email,
      name: u.name,
      nickname: u.nickname,
      picture: u.picture,
      role: u.role,
      disabled: u.disabled,
      mfaEnabled: !!u.totpEnabledAt,
      mfaRequired: u.mfaRequired,
      createdAt: u.createdAt.toISOString(),
      lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    })),
    total,
    page: query.page,
    page_size: query.page_size,
  };
}
