import type { Db } from '@/lib/db/client';
import { newId } from '@/lib/secrets/ids';
import { hashPassword } from './password';
import { userSchema, type UserInput } from './user-schema';

export class UserExistsError extends Error {
  constructor(email: string) {
    super(`A user with the email ${email} already exists`);
  }
}

export async function createUser(db: Db, input: UserInput) {
  const data = userSchema.parse(input);
  const existing = await db.user.findUnique({ where: { email: data.email }, select: { id: true } });
  if (existing) throw new UserExistsError(data.email);
  return db.user.create({
    data: {
      id: newId('usr'),
      email: data.email,
      name: data.name,
      nickname: data.nickname,
      role: data.role,
      emailVerified: data.emailVerified,
      mfaRequired: data.mfaRequired,
      passwordHash: await hashPassword(data.password),
    },
    select: { id: true, email: true, role: true, createdAt: true },
  });
}
