import { expect, test } from '@playwright/test';
import { createUser } from '../support/cli';
import { authorize, redeem, refreshWith, signIn } from '../support/http-sign-in';

// Races an attacker (or a buggy client) can start on purpose. The answer must be the
// same on SQLite and PostgreSQL: one winner, clean OAuth errors for the rest, no 5xx,
// and never "database is locked".

const statuses = (responses: Response[]) => responses.map((r) => r.status).sort();

test.describe('Concurrent use of single-use credentials', () => {
  test('20 parallel redemptions of one authorization code: one succeeds, the rest get invalid_grant (RFC 6749 §4.1.2)', async ({ baseURL }) => {
    const grant = await authorize(baseURL!, createUser());
    const responses = await Promise.all(Array.from({ length: 20 }, () => redeem(baseURL!, grant)));
    expect(statuses(responses)).toEqual([200, ...Array(19).fill(400)]);
    for (const response of responses.filter((r) => r.status === 400)) expect(await response.json()).toMatchObject({ error: 'invalid_grant' });
  });

  test('10 parallel refreshes of one refresh token: one successor at most, the others invalid_grant (RFC 9700 §4.14.2)', async ({ baseURL }) => {
    const refreshToken = await signIn(baseURL!, createUser());
    const responses = await Promise.all(Array.from({ length: 10 }, () => refreshWith(baseURL!, refreshToken)));
    expect(statuses(responses)).toEqual([200, ...Array(9).fill(400)]);
    const bodies = await Promise.all(responses.map((r) => r.json() as Promise<{ error?: string; refresh_token?: string }>));
    expect(bodies.filter((b) => b.error).every((b) => b.error === 'invalid_grant')).toBe(true);

    // The successor works unless a loser arrived after the rotation and was treated as
    // reuse of a rotated token, which revokes the whole grant; either way only one chain
    // can continue, never two.
    const successor = bodies.find((b) => b.refresh_token)!.refresh_token!;
    const next = await refreshWith(baseURL!, successor);
    expect([200, 400]).toContain(next.status);
  });
});
