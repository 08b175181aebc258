import { expect, test } from '@playwright/test';
import { adminToken, bearer } from '../support/admin-api';
import { auditTrail } from '../support/audit-log';
import { createApiKey, createUser, thalamus } from '../support/cli';
import { baseURL } from '../support/test-env';
import { createInvitedUser, forgetRequestsFromThisMachine, linkInMail, linksInMail, useUpMailQuota } from '../support/account-links';

// POST /api/users/{id}/password-reset and /invitation: the console's "Send password
// reset" and "Resend invitation" for services, with users:write. The link is emailed;
// when it cannot be, it is the answer, for the caller to hand over.

let usersKey: string;

test.beforeAll(() => {
  usersKey = createApiKey('users:read,users:write').key;
});
test.beforeEach(() => forgetRequestsFromThisMachine());

test.describe('/api/users recovery links', () => {
  test.describe.configure({ timeout: 90_000 });

  test('password-reset emails a link (earlier ones retired) and is audited; a read-only key is refused', async ({ request }) => {
    const user = createUser();
    const readOnly = await request.post(`/api/users/${user.id}/password-reset`, { headers: bearer(createApiKey('users:read').key) });
    expect(readOnly.status()).toBe(403);

    for (let i = 0; i < 2; i++) {
      const sent = await request.post(`/api/users/${user.id}/password-reset`, { headers: bearer(usersKey) });
      expect(sent.status()).toBe(200);
      expect(sent.headers()['cache-control']).toBe('no-store');
      expect(await sent.json()).toEqual({ delivery: 'queued' });
    }
    const [first, newest] = await linksInMail(user.email, /^Reset your password$/, 2);
    expect(newest).toMatch(new RegExp(`^${baseURL}/password/reset\\?token=thlt_`));
    expect(await (await request.get(first!)).text()).toContain('This link can no longer be used');
    expect(await (await request.get(newest!)).text()).toContain('Choose a new password');
    expect(await auditTrail(user.id)).toContainEqual(expect.objectContaining({ action: 'user.password_reset_sent', actor_type: 'api_key' }));

    expect((await request.post('/api/users/usr_unknown/password-reset', { headers: bearer(usersKey) })).status()).toBe(404);
  });

  test('invitation: only for someone without a password; over the send limit the link is the answer', async ({ request }) => {
    const invited = createInvitedUser();
    await linkInMail(invited.email, /^You have been invited/);
    await useUpMailQuota(invited.email);
    const resent = await request.post(`/api/users/${invited.id}/invitation`, { headers: bearer(usersKey) });
    expect(resent.status()).toBe(200);
    expect(await resent.json()).toEqual({ delivery: 'link', reason: 'limited', link: expect.stringMatching(new RegExp(`^${baseURL}/invitation\\?token=thlt_`)) });
    expect(await auditTrail(invited.id)).toContainEqual(expect.objectContaining({ action: 'user.invitation_sent', actor_type: 'api_key' }));

    const user = createUser();
    const hasPassword = await request.post(`/api/users/${user.id}/invitation`, { headers: bearer(usersKey) });
    expect(hasPassword.status()).toBe(409);
    expect((await hasPassword.json()).error_description).toBe(`${user.email} has set a password already: send a password reset instead`);
  });

  test('a key cannot send links to an administrator (the link could sign in as them), an admin token can; nobody to a super admin', async ({ request }) => {
    const admin = JSON.parse(thalamus('admins', 'create', '--email', `links-admin-${Date.now()}@example.test`, '--json')) as { id: string };
    const byKey = await request.post(`/api/users/${admin.id}/password-reset`, { headers: bearer(usersKey) });
    expect(byKey.status()).toBe(403);
    expect((await byKey.json()).error_description).toBe('Only super admins can send a link to an administrator');
    const token = await adminToken(request);
    expect(await (await request.post(`/api/users/${admin.id}/password-reset`, { headers: bearer(token) })).json()).toEqual({ delivery: 'queued' });

    const superAdmin = JSON.parse(thalamus('admins', 'create', '--email', `links-super-${Date.now()}@example.test`, '--role', 'super_admin', '--json')) as { id: string };
    const refused = await request.post(`/api/users/${superAdmin.id}/password-reset`, { headers: bearer(token) });
    expect(refused.status()).toBe(403);
    expect((await refused.json()).error_description).toBe('Links for super admins are sent with `npx thalamus users reset-password`');
  });
});
