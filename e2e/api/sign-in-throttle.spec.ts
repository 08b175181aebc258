import { expect, test } from '@playwright/test';
import { createUser } from '../support/cli';
import { startSignIn, submitPassword } from '../support/http-sign-in';
import { forgetAddressAttempts } from '../support/database';

// Every sign-in attempt is counted in the database before the password is checked, in
// one atomic statement, so a burst of guesses cannot slip past the limit by arriving
// together (5 failures per account in 15 minutes).

test.afterEach(forgetAddressAttempts);

test('20 concurrent wrong passwords: 5 are checked, 15 are refused, and then even the right password waits', async ({ baseURL }) => {
  test.setTimeout(60_000);
  const user = createUser();
  const pending = await Promise.all(Array.from({ length: 21 }, () => startSignIn(baseURL!)));
  const pages = await Promise.all(pending.slice(0, 20).map(async (p, i) => (await submitPassword(p, { email: user.email, password: `wrong-${i}` })).html));
  expect(pages.filter((html) => html.includes('Incorrect email or password.'))).toHaveLength(5);
  expect(pages.filter((html) => html.includes('Too many sign-in attempts.'))).toHaveLength(15);

  const rightPassword = await submitPassword(pending[20]!, user);
  expect(rightPassword.html).toContain('Too many sign-in attempts.');
  expect(rightPassword.continueAt).toBeUndefined();
});
