import type { Db } from '@/lib/db/client';
import { ServiceError } from '@/lib/errors/service-error';

/** The ID of the user with this sign-in email (emails are stored lower-cased, lib/users/user-schema.ts). */
export async function userIdByEmail(db: Db, email: string): Promise<string> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true } });
  if (!user) throw new ServiceError('not_found', `No user with the email ${email}`);
  return user.id;
}
