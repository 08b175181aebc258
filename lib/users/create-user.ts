import type { Db } from '@/lib/db/client';
import { newId } from '@/lib/secrets/ids';
import { hashPassword } from './password';
import { userSchema } from './user-schema';
import { parseInput, ServiceError } from '@/lib/errors/service-error';
import { recordAudit, type Actor } from '@/lib/audit/record-audit';

export async function createUser(db: Db, input: unknown, actor?: Actor) {
  const data = parseInput(userSchema, input);
  const existing = await db.user.findUnique({ where: { email: data.email }, select: { id: true } });
  if (existing) throw new ServiceError('conflict', `A user with the email ${data.email} already exists`, [{ path: 'email', message: 'This email is already registered' }]);
  const passwordHash = data.password === undefined ? null : await hashPassword(data.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        id: newId('usr'),
        email: data.email,
        name: data.name,
        nickname: data.nickname,
        picture: data.picture,
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
