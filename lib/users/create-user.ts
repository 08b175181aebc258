import type { Db } from '@/lib/db/client';
import { newId } from '@/lib/secrets/ids';
import { hashPassword } from './password';
import { userSchema, type UserInput } from './user-schema';
import { recordAudit, type Actor } from '@/lib/audit/record-audit';

export class UserExistsError extends Error {
  constructor(email: string) {
    super(`A user with the email ${email} already exists`);
  }
}

export async function createUser(db: Db, input: UserInput, actor?: Actor) {
  const data = userSchema.parse(input);
  const existing = await db.user.findUnique({ where: { email: data.email }, select: { id: true } });
  if (existing) throw new UserExistsError(data.email);
  const passwordHash = await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
    data: {
      id: newId('usr'),
      email: data.email,
      name: data.name,
      nickname: data.nickname,
      role: data.role,
      emailVerified: data.emailVerified,
      mfaRequired: data.mfaRequired,
      passwordHash,
    },
    select: { id: true, email: true, role: true, createdAt: true },
  });
    if (actor) await recordAudit(tx, actor, 'user.created', { type: 'user', id: user.id }, { after: { email: user.email, name: data.name, role: user.role } });
    return user;
  });
}
