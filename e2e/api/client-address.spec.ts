import { expect, test } from '@playwright/test';
import { createUser } from '../support/cli';
import { addressAttempts, forgetAddressAttempts } from '../support/database';
import { startSignIn, submitPassword } from '../support/http-sign-in';

// Failed sign-ins are limited per client address (50 in 15 minutes). The address is the
// one the connection came from, or, behind TRUST_PROXY_HOPS proxies, the one the
// nearest trusted proxy saw: a client cannot choose it by sending X-Forwarded-For.

test.afterEach(forgetAddressAttempts);

test('a failed sign-in counts against the connection’s address, not the one the client claims', async ({ baseURL }) => {
  const user = createUser();
  const claimed = '203.0.113.50';
  const before = await addressAttempts('127.0.0.1');
  const pending = await startSignIn(baseURL!);
  pending.browser.defaultHeaders = { 'x-forwarded-for': claimed };
  const { html } = await submitPassword(pending, { email: user.email, password: 'not-the-password' });
  expect(html).toContain('Incorrect email or password.');
  expect(await addressAttempts('127.0.0.1')).toBe(before + 1);
  expect(await addressAttempts(claimed)).toBe(0);
});
