import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { CLI_ACTOR } from '@/lib/audit/record-audit';
import { createUser } from './create-user';
import { deleteUser } from './delete-user';
import { setUserDisabled, unlockUser } from './manage-user';
import { updateUser } from './update-user';
import { authenticate, ACCOUNT_LIMIT } from './authenticate';
import { getUser } from './user-response';
import type { UserManager } from './user-manager';

afterAll(closeDb);

const person = async (role: 'user' | 'admin' | 'super_admin' = 'user') =>
  createUser(await getDb(), { email: `admin-rules-${randomUUID()}@example.test`, password: 'a long enough password', role });
const admin = (id: string, managesAdmins = false): UserManager => ({ actor: { type: 'admin', id, label: 'someone' }, managesAdmins });

describe('user administration rules', () => {
  it('nobody deletes or disables themselves; only those who manage admins touch administrators; super admins only from the CLI', async () => {
    const db = await getDb();
    const [me, otherAdmin, superAdmin] = [await person('admin'), await person('admin'), await person('super_admin')];
    await expect(deleteUser(db, admin(me.id, true), me.id)).rejects.toThrow('You cannot delete your own account');
    await expect(setUserDisabled(db, admin(me.id, true), me.id, true)).rejects.toThrow('You cannot disable your own account');
    await expect(deleteUser(db, admin(me.id), otherAdmin.id)).rejects.toThrow('Only super admins can delete an administrator');
    await expect(updateUser(db, admin(me.id), otherAdmin.id, { email: `x-${randomUUID()}@example.test` })).rejects.toThrow('Only super admins can change an administrator');
    await expect(deleteUser(db, admin(me.id, true), superAdmin.id)).rejects.toThrow('managed with `npx thalamus admins`');
    // A profile edit of an administrator is any admin's to make.
    expect((await updateUser(db, admin(me.id), otherAdmin.id, { name: 'Renamed' })).name).toBe('Renamed');
    await deleteUser(db, { actor: CLI_ACTOR, managesAdmins: true }, superAdmin.id);
    expect(await db.user.findUnique({ where: { id: superAdmin.id } })).toBeNull();
  });

  it('a changed email is lower-cased, unverified unless said otherwise, and must be free', async () => {
    const db = await getDb();
    const [a, b] = [await person(), await person()];
    await db.user.update({ where: { id: a.id }, data: { emailVerified: true } });
    const email = `New-${randomUUID()}@Example.TEST`;
    expect(await updateUser(db, admin('usr_x'), a.id, { email })).toMatchObject({ email: email.toLowerCase(), email_verified: false });
    await expect(updateUser(db, admin('usr_x'), b.id, { email: email.toUpperCase() })).rejects.toMatchObject({ code: 'conflict', fields: [{ path: 'email' }] });
    await expect(updateUser(db, admin('usr_x'), b.id, { password: 'x' })).rejects.toMatchObject({ code: 'invalid_request' });
  });

  it('unlocking clears the account lock that failed sign-ins set', async () => {
    const db = await getDb();
    const user = await person();
    for (let i = 0; i < ACCOUNT_LIMIT.max; i++) await authenticate(db, user.email, 'a wrong password', `test-${randomUUID()}`);
    expect((await getUser(db, user.id)).locked_until).not.toBeNull();
    expect(await unlockUser(db, admin('usr_x'), user.id)).toEqual({ was_locked: true });
    expect((await getUser(db, user.id)).locked_until).toBeNull();
    expect((await authenticate(db, user.email, 'a long enough password', `test-${randomUUID()}`)).ok).toBe(true);
    expect(await db.securityEvent.count({ where: { userId: user.id, type: 'account.unlocked' } })).toBe(1);
  });
});
