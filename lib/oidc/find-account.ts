import type { Account, FindAccount } from 'oidc-provider';
import { getDb } from '@/lib/db/client';
import { asProviderError } from './temporarily-unavailable';

/** Resolves the subject of a grant to its standard claims (OIDC Core §5.1). */
export const findAccount: FindAccount = async (_ctx, sub) => {
  const user = await (await getDb()).user.findUnique({ where: { id: sub } }).catch((error: unknown) => {
    throw asProviderError(error);
  });
  if (!user || user.disabled) return undefined;
  const account: Account = {
    accountId: user.id,
    claims: () => ({
      sub: user.id,
      name: user.name || undefined,
      nickname: user.nickname || undefined,
      picture: user.picture || undefined,
      updated_at: Math.floor(user.updatedAt.getTime() / 1000),
      email: user.email,
      email_verified: user.emailVerified,
    }),
  };
  return account;
};
