import type { Db } from '@/lib/db/client';
import { ServiceError } from '@/lib/errors/service-error';
import { lockedUntil } from './account-lock';
import { userResponseSchema, type UserResponse } from './user-schema';

interface UserRow {
  id: string;
  email: string;
  name: string;
  nickname: string;
  picture: string;
  role: string;
  emailVerified: boolean;
  disabled: boolean;
  totpEnabledAt: Date | null;
  mfaRequired: boolean;
  createdAt: Date;
  updatedAt: Date;
  lastLoginAt: Date | null;
}

/** A user as the admin API shows it, parsed through the response schema so nothing else can leak. */
export function toUserResponse(user: UserRow, locked: Date | undefined): UserResponse {
  return userResponseSchema.parse({
    id: user.id,
    email: user.email,
    name: user.name,
    nickname: user.nickname,
    picture: user.picture,
    role: user.role,
    email_verified: user.emailVerified,
    disabled: user.disabled,
    mfa_enabled: !!user.totpEnabledAt,
    mfa_required: user.mfaRequired,
    locked_until: locked?.toISOString() ?? null,
    created_at: user.createdAt.toISOString(),
    updated_at: user.updatedAt.toISOString(),
    last_login_at: user.lastLoginAt?.toISOString() ?? null,
  });
}

export async function getUser(db: Db, userId: string): Promise<UserResponse> {
  const user = await db.user.findUnique({ where: { id: userId } });
  if (!user) throw new ServiceError('not_found', 'No such user');
  return toUserResponse(user, (await lockedUntil(db, [user])).get(user.id));
}
