import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createUser, thalamus } from '../support/cli';
import { expectCurrentOrAbsent, profileClaims } from '../support/profile-claims';

/** A CLI run expected to fail: its exit status and what it printed on stderr. */
function failing(...args: string[]): { status?: number; stderr?: string } {
  try {
    thalamus(...args);
  } catch (error) {
    return error as { status?: number; stderr?: string };
  }
  throw new Error(`\`thalamus ${args.join(' ')}\` succeeded`);
}

test.describe('npx thalamus users update', () => {
  // Each CLI run starts Node, tsx and Prisma: a few seconds apiece on a loaded machine, and these tests make up to seven.
  test.describe.configure({ timeout: 90_000 });

  test('changes a user’s name, nickname and picture, found by ID or by email; the next sign-in carries them', async () => {
    const user = createUser({ name: 'Annie Easley' });
    const picture = 'https://images.example.com/avatars/annie.png';
    const updated = JSON.parse(thalamus('users', 'update', '--id', user.id, '--name', 'Annie J. Easley', '--nickname', 'annie', '--picture', picture, '--json')) as Record<
      string,
      string
    >;
    expect(updated).toEqual({ id: user.id, email: user.email, name: 'Annie J. Easley', nickname: 'annie', picture });

    // By email (any case), one field at a time: the others stay.
    expect(thalamus('users', 'update', '--email', user.email.toUpperCase(), '--nickname', 'AJE')).toContain(`Updated ${user.email} (${user.id})`);

    const { userinfo, idToken } = await profileClaims(user);
    expect(userinfo).toMatchObject({ sub: user.id, name: 'Annie J. Easley', nickname: 'AJE', picture });
    expectCurrentOrAbsent(idToken, { name: 'Annie J. Easley', nickname: 'AJE', picture });
  });

  test('refuses a script or data URL as the picture, an unknown user, and a call that names no user or no change', async () => {
    const user = createUser();
    for (const url of ['javascript:alert(1)', 'data:image/png;base64,iVBORw0KGgo=']) {
      const refused = failing('users', 'update', '--id', user.id, '--picture', url);
      expect(refused.status, url).toBe(2);
      expect(refused.stderr, url).toContain('--picture: Use an https:// URL (http:// only for localhost)');
    }
    expect(failing('users', 'update', '--id', 'usr_nobody', '--name', 'Nobody').stderr).toContain('No such user');
    expect(failing('users', 'update', '--email', 'nobody@example.test', '--name', 'Nobody').stderr).toContain('No user with the email nobody@example.test');
    expect(failing('users', 'update', '--name', 'Nobody').stderr).toContain('--id or --email');
    expect(failing('users', 'update', '--id', user.id).stderr).toContain('Nothing to change');
    // Nothing was changed by the refused calls.
    const { userinfo } = await profileClaims(user);
    expect(userinfo).toMatchObject({ name: 'Ada Lovelace', nickname: 'ada' });
    expect(userinfo).not.toHaveProperty('picture');
  });

  test('users create takes --picture; --help lists every option of users update', () => {
    const email = `pictured-${randomBytes(4).toString('hex')}@example.test`;
    const created = JSON.parse(thalamus('users', 'create', '--email', email, '--picture', 'http://localhost:8080/me.png', '--json')) as { id: string };
    const shown = JSON.parse(thalamus('users', 'update', '--id', created.id, '--name', 'Pictured', '--json')) as { picture: string };
    expect(shown.picture).toBe('http://localhost:8080/me.png');
    expect(failing('users', 'create', '--email', `x-${email}`, '--picture', 'javascript:alert(1)').stderr).toContain('--picture: Use an https:// URL');

    const help = thalamus('users', 'update', '--help');
    for (const option of ['--id', '--email', '--name', '--nickname', '--picture', '--json']) expect(help).toContain(option);
  });
});
