import type { Account, FindAccount } from 'oidc-provider';
import { getDb } from '@/lib/db/client';
import { groupNamesOf } from '@/lib/groups/user-groups';
import { asProviderError } from './temporarily-unavailable';

/** Resolves the subject of a grant to its standard claims (OIDC Core §5.1). */
export const findAccount: FindAccount = async (_ctx, sub) => {
  const db = await getDb();
  const user = await db.user.findUnique({ where: { id: sub } }).catch((error: unknown) => {
    throw asProviderError(error);
  });
  if (!user || user.disabled) return undefined;
  const account: Account = {
    accountId: user.id,
    claims: async (_use, scope) => ({
      sub: user.id,
      name: user.name || undefined,
      nickname: user.nickname || undefined,
      picture: user.picture || undefined,
      updated_at: Math.floor(user.updatedAt.getTime() / 1000),
      email: user.email,
      email_verified: user.emailVerified,
      // Looked up only when asked for: the `groups` scope (configuration.ts claims).
      ...(scope.split(' ').includes('groups') ? { groups: await groupNamesOf(db, user.id) } : {}),
    }),
  };
  return account;
};
