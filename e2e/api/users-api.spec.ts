import { expect, test, type APIRequestContext } from '@playwright/test';
import { adminToken, bearer } from '../support/admin-api';
import { auditTrail } from '../support/audit-log';
import { createApiKey, createUser, thalamus, type TestUser } from '../support/cli';
import { forgetAddressAttempts } from '../support/database';
import { signIn, startSignIn, submitPassword } from '../support/http-sign-in';
import { baseURL } from '../support/test-env';

// /api/users: the same rules as the console, with an API key given users:read and
// users:write, or the Admin Client's token (scope admin).
let usersKey: string;
let readOnlyKey: string;
let clientsKey: string;

test.beforeAll(() => {
  usersKey = createApiKey('users:read,users:write').key;
  readOnlyKey = createApiKey('users:read').key;
  clientsKey = createApiKey('clients:read,clients:write').key;
});

const sessionsOf = async (request: APIRequestContext, user: TestUser) =>
  ((await (await request.get(`/api/users/${user.id}/sessions`, { headers: bearer(usersKey) })).json()) as { sessions: unknown[] }).sessions;

test.describe('/api/users', () => {
  // Every user here is created with the CLI (Node, tsx and Prisma): seconds apiece on a loaded machine.
  test.describe.configure({ timeout: 90_000 });

  test('scopes are enforced: a clients-only key gets 403, a read-only key cannot write, no credential gets 401', async ({ request }) => {
    const user = createUser();
    const refused = await request.get('/api/users', { headers: bearer(clientsKey) });
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toMatchObject({ error: 'insufficient_scope', error_description: 'This API key lacks the users:read scope' });
    expect((await request.patch(`/api/users/${user.id}`, { headers: bearer(clientsKey), data: { name: 'X' } })).status()).toBe(403);
    const readOnly = await request.patch(`/api/users/${user.id}`, { headers: bearer(readOnlyKey), data: { name: 'X' } });
    expect(readOnly.status()).toBe(403);
    expect((await readOnly.json()).error_description).toContain('users:write');
    expect((await request.get('/api/users')).status()).toBe(401);

    const read = await request.get(`/api/users/${user.id}`, { headers: bearer(readOnlyKey) });
    expect(read.status()).toBe(200);
    const shown = await read.json();
    expect(shown).toMatchObject({ id: user.id, email: user.email, role: 'user', disabled: false, locked_until: null });
    for (const secret of ['password', 'password_hash', 'passwordHash', 'totp_secret', 'totpSecret']) expect(shown).not.toHaveProperty(secret);
  });

  test('edit: email lower-cased and unique (409 on email), bad input named, unknown users 404; audited', async ({ request }) => {
    const user = createUser();
    const other = createUser();
    const newEmail = `Renamed-${user.id}@Example.TEST`;
    const changed = await request.patch(`/api/users/${user.id}`, { headers: bearer(usersKey), data: { email: newEmail, name: 'Grace Hopper', mfa_required: true } });
    expect(changed.status()).toBe(200);
    expect(await changed.json()).toMatchObject({ email: newEmail.toLowerCase(), name: 'Grace Hopper', mfa_required: true, email_verified: false });

    const taken = await request.patch(`/api/users/${user.id}`, { headers: bearer(usersKey), data: { email: other.email.toUpperCase() } });
    expect(taken.status()).toBe(409);
    expect((await taken.json()).fields).toEqual([{ path: 'email', message: 'This email is already registered' }]);

    const bad = await request.patch(`/api/users/${user.id}`, { headers: bearer(usersKey), data: { email: 'not an email', picture: 'javascript:alert(1)', password: 'x' } });
    expect(bad.status()).toBe(400);
    const paths = ((await bad.json()).fields as { path: string }[]).map((f) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['email', 'picture']));
    expect(await (await request.get(`/api/users/${user.id}`, { headers: bearer(usersKey) })).json()).toMatchObject({ name: 'Grace Hopper' });

    expect((await request.patch('/api/users/usr_nobody', { headers: bearer(usersKey), data: { name: 'X' } })).status()).toBe(404);
    expect((await request.get('/api/users/usr_nobody', { headers: bearer(usersKey) })).status()).toBe(404);
    // A key manages end users only: it cannot make an administrator.
    const promote = await request.patch(`/api/users/${user.id}`, { headers: bearer(usersKey), data: { role: 'admin' } });
    expect(promote.status()).toBe(403);

    expect(await auditTrail(user.id)).toContainEqual(expect.objectContaining({ action: 'user.updated', actor_type: 'api_key' }));
  });

  test('disable ends sign-ins and sessions; revoke-sessions signs the user out everywhere; both audited', async ({ request }) => {
    const user = createUser();
    await signIn(baseURL, user);
    expect(await sessionsOf(request, user)).toHaveLength(1);
    const revoked = await request.post(`/api/users/${user.id}/revoke-sessions`, { headers: bearer(usersKey) });
    expect(await revoked.json()).toEqual({ revoked: 1 });
    expect(await sessionsOf(request, user)).toHaveLength(0);

    await signIn(baseURL, user);
    const disabled = await request.patch(`/api/users/${user.id}`, { headers: bearer(usersKey), data: { disabled: true } });
    expect(await disabled.json()).toMatchObject({ disabled: true });
    expect(await sessionsOf(request, user)).toHaveLength(0);
    const refused = await submitPassword(await startSignIn(baseURL), user);
    expect(refused.continueAt).toBeUndefined();

    const actions = (await auditTrail(user.id)).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['user.sessions_revoked', 'user.updated']));
  });

  test('unlock: a locked account (too many failed sign-ins) shows locked_until, and signs in again once unlocked', async ({ request }) => {
    const user = createUser();
    try {
      for (let i = 0; i < 6; i++) await submitPassword(await startSignIn(baseURL), { email: user.email, password: 'not the password' });
      const locked = await (await request.get(`/api/users/${user.id}`, { headers: bearer(usersKey) })).json();
      expect(Date.parse(locked.locked_until)).toBeGreaterThan(Date.now());
      expect((await submitPassword(await startSignIn(baseURL), user)).html).toContain('Too many sign-in attempts');

      const unlocked = await request.post(`/api/users/${user.id}/unlock`, { headers: bearer(usersKey) });
      expect(unlocked.status()).toBe(200);
      expect(await unlocked.json()).toMatchObject({ id: user.id, locked_until: null });
      expect((await submitPassword(await startSignIn(baseURL), user)).continueAt).toBeDefined();
      expect(await auditTrail(user.id)).toContainEqual(expect.objectContaining({ action: 'user.unlocked', actor_type: 'api_key' }));

      const events = await (await request.get(`/api/users/${user.id}/security-events`, { headers: bearer(readOnlyKey) })).json();
      const types = (events.events as { type: string }[]).map((e) => e.type);
      expect(types).toEqual(expect.arrayContaining(['sign_in.failed', 'sign_in.locked', 'account.unlocked']));
    } finally {
      await forgetAddressAttempts();
    }
  });

  test('delete removes the user with their grants and tokens; a key cannot delete an administrator, an admin token can', async ({ request }) => {
    const user = createUser();
    const refreshToken = await signIn(baseURL, user);
    const deleted = await request.delete(`/api/users/${user.id}`, { headers: bearer(usersKey) });
    expect(deleted.status()).toBe(204);
    expect((await request.get(`/api/users/${user.id}`, { headers: bearer(usersKey) })).status()).toBe(404);
    expect((await request.delete(`/api/users/${user.id}`, { headers: bearer(usersKey) })).status()).toBe(404);
    const refreshed = await request.post('/oauth/token', { form: { grant_type: 'refresh_token', refresh_token: refreshToken, client_id: 'thalamus-mobile-app' } });
    expect(refreshed.status()).toBe(400);
    expect(await auditTrail(user.id)).toContainEqual(expect.objectContaining({ action: 'user.deleted', actor_type: 'api_key' }));

    const admin = JSON.parse(thalamus('admins', 'create', '--email', `admin-${user.id}@example.test`, '--json')) as { id: string };
    const byKey = await request.delete(`/api/users/${admin.id}`, { headers: bearer(usersKey) });
    expect(byKey.status()).toBe(403);
    expect((await byKey.json()).error_description).toBe('Only super admins can delete an administrator');
    expect((await request.delete(`/api/users/${admin.id}`, { headers: bearer(await adminToken(request)) })).status()).toBe(204);
  });

  test('create and list: 201 with the user, cursor paging, search', async ({ request }) => {
    const email = `api-created-${Date.now()}@example.test`;
    const created = await request.post('/api/users', { headers: bearer(usersKey), data: { email: email.toUpperCase(), name: 'Katherine', password: 'a long enough password' } });
    expect(created.status()).toBe(201);
    const body = await created.json();
    expect(body).toMatchObject({ email, name: 'Katherine', role: 'user' });
    expect((await request.post('/api/users', { headers: bearer(usersKey), data: { email, password: 'a long enough password' } })).status()).toBe(409);
    expect((await request.post('/api/users', { headers: bearer(usersKey), data: { email, password: 'a long enough password', role: 'admin' } })).status()).toBe(403);

    const found = await (await request.get(`/api/users?q=${encodeURIComponent(email)}`, { headers: bearer(usersKey) })).json();
    expect(found.data.map((u: { id: string }) => u.id)).toEqual([body.id]);
    const first = await (await request.get('/api/users?limit=1', { headers: bearer(usersKey) })).json();
    expect(first.data).toHaveLength(1);
    const second = await (await request.get(`/api/users?limit=1&cursor=${first.next_cursor}`, { headers: bearer(usersKey) })).json();
    expect(second.data[0].id).not.toBe(first.data[0].id);
    const badCursor = await request.get('/api/users?cursor=garbage', { headers: bearer(usersKey) });
    expect(badCursor.status()).toBe(400);
    expect((await badCursor.json()).fields[0].path).toBe('cursor');
  });
});
