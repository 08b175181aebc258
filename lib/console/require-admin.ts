import 'server-only';
import { cache } from 'react';
import { cookies } from 'next/headers';
import { getServerSession } from 'next-auth';
import { getToken } from 'next-auth/jwt';
import { getDb } from '@/lib/db/client';
import { authOptions } from './auth-options';
import { consoleSessionAlive } from './console-provider-session';

export interface ConsoleAdmin {
  id: string;
  email: string;
  name: string;
  role: 'admin' | 'super_admin';
}

export type ConsoleAccess = { status: 'admin'; admin: ConsoleAdmin } | { status: 'signed-out' } | { status: 'forbidden'; email: string };

/**
 * Who is using the console, checked against the database on every request: a user
 * whose admin role was removed, who was disabled or deleted, or whose sign-in session
 * at Thalamus was revoked (signed out everywhere, by themselves or an admin) loses
 * access at once, whatever their session cookie says. Cached per request: two indexed
 * reads (the user, the account's provider sessions).
 */
export const consoleAccess = cache(async (): Promise<ConsoleAccess> => {
  const options = await authOptions();
  const session = await getServerSession(options);
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return { status: 'signed-out' };
  const db = await getDb();
  const token = await getToken({ req: { cookies: await cookies(), headers: {} } as never, secret: options.secret, secureCookie: options.useSecureCookies });
  const sessionUid = typeof token?.sessionUid === 'string' ? token.sessionUid : undefined;
  const [user, alive] = await Promise.all([
    db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true, role: true, disabled: true } }),
    sessionUid ? consoleSessionAlive(db, id, sessionUid) : false,
  ]);
  if (!user || user.disabled || !alive) return { status: 'signed-out' };
  if (user.role !== 'admin' && user.role !== 'super_admin') return { status: 'forbidden', email: user.email };
  return { status: 'admin', admin: { id: user.id, email: user.email, name: user.name, role: user.role } };
});

export class NotAnAdmin extends Error {
  constructor() {
    super('You need to be signed in to the console as an administrator');
  }
}

/** For server actions: the signed-in admin, or an error (actions are public endpoints). */
export async function requireAdmin(options: { superAdmin?: boolean } = {}): Promise<ConsoleAdmin> {
  const access = await consoleAccess();
  if (access.status !== 'admin') throw new NotAnAdmin();
  if (options.superAdmin && access.admin.role !== 'super_admin') throw new NotAnAdmin();
  return access.admin;
}
