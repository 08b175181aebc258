import { expect, test } from '@playwright/test';
import * as oidc from 'openid-client';
import { completeSignIn, discover } from '../../examples/relying-party';
import { expectNoSeriousAxeViolations } from '../support/accessibility';
import { createUser } from '../support/cli';
import { DESKTOP_AGENT, desktopSignIn } from '../support/desktop-agent';
import { beginBrowserSignIn, signInUpToConsent } from '../support/relying-party';
import { SignInPage } from '../support/sign-in-page';
import { baseURL } from '../support/test-env';
import { authenticatorCode } from '../support/totp';

// Every page an end user or a developer meets outside the console, checked with axe-core:
// no serious or critical violation, in each state a user sees (an error, a code to enter).

test.describe('Accessibility of the hosted pages', () => {
  const pages = [
    { what: 'the landing page', path: '/', heading: 'OAuth 2.0 and OpenID Connect authorization server' },
    { what: 'the integration guide', path: '/docs/integration', heading: 'Integration guide' },
    { what: 'the admin API reference', path: '/docs/api', heading: /API/ },
    { what: 'the console sign-in error', path: '/console/sign-in?error=OAuthSignin', heading: 'Thalamus Console' },
    { what: 'an expired sign-in link', path: '/interaction/this-interaction-does-not-exist', heading: 'This sign-in request has expired' },
    {
      what: 'the error page for an unknown client',
      path: '/oauth/authorize?client_id=no-such-client&response_type=code&scope=openid',
      heading: 'We could not complete this sign-in request',
    },
    { what: 'the page-not-found page', path: '/no-such-page', heading: 'Page not found' },
  ];
  for (const { what, path, heading } of pages) {
    test(`axe finds no serious or critical violation on ${what}`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
      await expectNoSeriousAxeViolations(page, path);
    });
  }

  test('axe finds none on the sign-in page, also with an error, and on the consent page', async ({ page }) => {
    test.slow(); // three sign-in steps and three axe runs
    const config = await discover(baseURL, DESKTOP_AGENT.clientId);
    await beginBrowserSignIn(page, config, DESKTOP_AGENT.redirectUri);
    const signIn = new SignInPage(page);
    await signIn.expectVisible();
    await expectNoSeriousAxeViolations(page, 'the sign-in page');
    await signIn.signIn({ email: 'nobody-here@example.test', password: 'not-the-password' });
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('Incorrect email or password.');
    await expectNoSeriousAxeViolations(page, 'the sign-in page with an error');

    await signInUpToConsent(page, 'Expense Reports', 'https://rp.example.test/callback');
    await expect(page.getByRole('heading', { name: 'Allow access?' })).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'the consent page');
  });

  test('axe finds none in two-step verification: enrolment, recovery codes and the challenge', async ({ browser }) => {
    test.slow(); // two sign-ins and three axe runs
    const user = createUser({ requireMfa: true });
    const config = await discover(baseURL, DESKTOP_AGENT.clientId);
    const first = await browser.newContext();
    const page = await first.newPage();
    await beginBrowserSignIn(page, config, DESKTOP_AGENT.redirectUri);
    await new SignInPage(page).signIn(user);
    await expect(page.getByRole('heading', { name: 'Set up two-step verification' })).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'MFA enrolment');
    const setupKey = (await page.getByLabel('Setup key').textContent())!;
    await new SignInPage(page).enterCode(authenticatorCode(setupKey));
    await expect(page.getByRole('list', { name: 'Recovery codes' })).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'the recovery codes');
    await first.close();

    const second = await browser.newContext();
    const page2 = await second.newPage();
    await beginBrowserSignIn(page2, config, DESKTOP_AGENT.redirectUri);
    await new SignInPage(page2).signIn(user);
    await expect(page2.getByRole('heading', { name: 'Two-step verification' })).toBeVisible();
    await expectNoSeriousAxeViolations(page2, 'the MFA challenge');
    await second.close();
  });

  test('axe finds none on the sign-out page', async ({ page }) => {
    const { config, start, callback } = await desktopSignIn(page);
    const tokens = await completeSignIn(config, callback, start);
    await page.goto(oidc.buildEndSessionUrl(config, { id_token_hint: tokens.id_token! }).href);
    await expect(page.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'the sign-out page');
  });
});
