import { expect, test } from '@playwright/test';
import { auditTrail } from '../support/audit-log';
import { createUser, thalamus } from '../support/cli';
import { forgetAddressAttempts } from '../support/database';
import { signIn, startSignIn, submitPassword } from '../support/http-sign-in';
import { baseURL } from '../support/test-env';

/** A CLI run expected to fail: its exit status and what it printed on stderr. */
function failing(...args: string[]): { status?: number; stderr?: string } {
  try {
    thalamus(...args);
  } catch (error) {
    return error as { status?: number; stderr?: string };
  }
  throw new Error(`\`thalamus ${args.join(' ')}\` succeeded`);
}

test.describe('npx thalamus users update | delete | unlock', () => {
  // Each CLI run starts Node, tsx and Prisma: a few seconds apiece on a loaded machine.
  test.describe.configure({ timeout: 90_000 });

  test('users update changes the email (lower-cased, unique), role and account settings', async () => {
    const user = createUser();
    const other = createUser();
    const email = `moved-${user.id.toLowerCase()}@example.test`;
    const updated = JSON.parse(thalamus('users', 'update', '--id', user.id, '--new-email', email.toUpperCase(), '--require-mfa', 'true', '--json')) as { email: string };
    expect(updated.email).toBe(email);
    expect(failing('users', 'update', '--id', user.id, '--new-email', other.email).stderr).toContain('--new-email: This email is already registered');
    expect(failing('users', 'update', '--id', user.id, '--email-verified', 'maybe').stderr).toContain('--email-verified must be true or false');
    expect(thalamus('users', 'update', '--email', email, '--role', 'admin')).toContain(`Updated ${email}`);
    expect(await auditTrail(user.id)).toContainEqual(expect.objectContaining({ action: 'user.updated', actor_type: 'cli' }));
  });

  test('users unlock lifts a lockout; users delete removes the user and their tokens', async () => {
    const user = createUser();
    try {
      for (let i = 0; i < 5; i++) await submitPassword(await startSignIn(baseURL), { email: user.email, password: 'not the password' });
      expect(JSON.parse(thalamus('users', 'unlock', '--email', user.email, '--json'))).toEqual({ id: user.id, email: user.email, was_locked: true });
      expect(thalamus('users', 'unlock', '--id', user.id)).toContain('was not locked');
      const refreshToken = await signIn(baseURL, user);

      expect(JSON.parse(thalamus('users', 'delete', '--id', user.id, '--json'))).toEqual({ id: user.id, email: user.email, deleted: true });
      const refreshed = await fetch(`${baseURL}/oauth/token`, {
        method: 'POST',
        body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: 'thalamus-mobile-app' }),
      });
      expect(refreshed.status).toBe(400);
      expect(failing('users', 'delete', '--id', user.id).stderr).toContain('No such user');
      expect(failing('users', 'unlock').stderr).toContain('--id or --email');
      expect((await auditTrail(user.id)).map((e) => e.action)).toEqual(expect.arrayContaining(['user.unlocked', 'user.deleted']));
    } finally {
      await forgetAddressAttempts();
    }
  });
});
