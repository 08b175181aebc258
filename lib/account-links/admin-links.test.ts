import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { CLI_ACTOR, type Actor } from '@/lib/audit/record-audit';
import { createUser } from '@/lib/users/create-user';
import type { UserManager } from '@/lib/users/user-manager';
import { sendAccountLink } from './admin-links';

// No SMTP_URL: every link comes back to the caller, which is why sending one to an
// administrator takes the right to manage administrators.
delete process.env.SMTP_URL;
afterAll(closeDb);

const person = async (role: 'user' | 'admin' | 'super_admin', password?: string) =>
  createUser(await getDb(), { email: `${role}-${randomUUID()}@example.test`, role, password }, CLI_ACTOR);
const managerOf = (actor: Actor, managesAdmins: boolean): UserManager => ({ actor, managesAdmins });
const apiKey = managerOf({ type: 'api_key', id: 'key_1', label: 'API key' }, false);
const platform = managerOf({ type: 'client', id: 'thalamus_admin_client', label: 'Admin Client' }, true);

describe('sendAccountLink', () => {
  it('sends an end user a reset link or, without a password, an invitation', async () => {
    const db = await getDb();
    const user = await person('user', 'a first password to remember');
    expect(await sendAccountLink(db, apiKey, user.id, 'password_reset')).toMatchObject({ delivery: 'link', link: expect.stringContaining('/password/reset?token=thlt_') });
    await expect(sendAccountLink(db, apiKey, user.id, 'invitation')).rejects.toMatchObject({ code: 'conflict' });
    const invited = await person('user');
    expect(await sendAccountLink(db, apiKey, invited.id, 'invitation')).toMatchObject({ delivery: 'link', link: expect.stringContaining('/invitation?token=thlt_') });
    await expect(sendAccountLink(db, apiKey, 'usr_unknown', 'password_reset')).rejects.toMatchObject({ code: 'not_found' });
  });

  it('reaches an administrator only for those who manage administrators, and a super admin only by themselves or the CLI', async () => {
    const db = await getDb();
    const admin = await person('admin', 'an admin password to remember');
    const superAdmin = await person('super_admin', 'a super admin password to remember');
    await expect(sendAccountLink(db, apiKey, admin.id, 'password_reset')).rejects.toMatchObject({ code: 'forbidden' });
    expect((await sendAccountLink(db, platform, admin.id, 'password_reset')).delivery).toBe('link');
    expect((await sendAccountLink(db, managerOf({ type: 'admin', id: admin.id, label: admin.email }, false), admin.id, 'password_reset')).delivery).toBe('link');

    await expect(sendAccountLink(db, platform, superAdmin.id, 'password_reset')).rejects.toMatchObject({ code: 'forbidden' });
    expect((await sendAccountLink(db, managerOf({ type: 'admin', id: superAdmin.id, label: superAdmin.email }, true), superAdmin.id, 'password_reset')).delivery).toBe('link');
    expect((await sendAccountLink(db, managerOf(CLI_ACTOR, true), superAdmin.id, 'password_reset')).delivery).toBe('link');
    // A refused request issued no link and left no audit record.
    expect(await db.auditEvent.count({ where: { targetId: admin.id, action: 'user.password_reset_sent', actorType: 'api_key' } })).toBe(0);
  });
});
