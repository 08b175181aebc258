import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { completeSignIn, discover } from '../../examples/relying-party';
import { createUser } from '../support/cli';
import { baseURL } from '../support/test-env';
import { beginBrowserSignIn } from '../support/relying-party';
import { SignInPage } from '../support/sign-in-page';
import { authenticatorCode } from '../support/totp';

const redirectUri = 'http://127.0.0.1:53682/callback';

test.describe('Two-step verification (TOTP, RFC 6238)', () => {
  test('a user who must use MFA enrolls at sign-in, then is challenged; codes and recovery codes work once', async ({ browser }) => {
    test.slow(); // four sign-ins in four browsers: on a loaded machine it nears 30 s
    const user = createUser({ requireMfa: true });
    const config = await discover(baseURL, 'thalamus-desktop-agent');

    // First sign-in: enrollment with a QR code and a manual key.
    const first = await browser.newContext();
    const page = await first.newPage();
    const enrollment = await beginBrowserSignIn(page, config, redirectUri);
    await new SignInPage(page).signIn(user);
    await expect(page.getByRole('heading', { name: 'Set up two-step verification' })).toBeVisible();
    await expect(page.getByRole('img', { name: 'QR code for your authenticator app' })).toBeVisible();
    const setupKey = (await page.getByLabel('Setup key').textContent())!;
    await page.getByLabel('Authentication code').fill('000000');
    await page.getByRole('button', { name: 'Turn on two-step verification' }).click();
    await expect(page.getByText('That code is not valid')).toBeVisible();
    const enrolledWith = authenticatorCode(setupKey);
    await new SignInPage(page).enterCode(enrolledWith);
    const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await expect(codes).toHaveCount(10);
    const recoveryCode = (await codes.first().textContent())!;
    await page.getByRole('button', { name: 'I have saved my recovery codes' }).click();
    const tokens = await completeSignIn(config, await enrollment.callback, enrollment.start);
    expect(tokens.claims()!.amr).toEqual(['pwd', 'otp']);
    await first.close();

    // Second sign-in, new browser: password, then the code from the app.
    const second = await browser.newContext();
    const page2 = await second.newPage();
    const challenge = await beginBrowserSignIn(page2, config, redirectUri);
    const signIn = new SignInPage(page2);
    await signIn.signIn(user);
    await expect(page2.getByRole('heading', { name: 'Two-step verification' })).toBeVisible();
    await signIn.enterCode(enrolledWith); // already used in its time step (RFC 6238 §5.2)
    await expect(page2.getByText('That code is not valid')).toBeVisible();
    await signIn.enterCode(authenticatorCode(setupKey, 1));
    const again = await completeSignIn(config, await challenge.callback, challenge.start);
    expect(again.claims()!.sub).toBe(user.id);
    await second.close();

    // Third sign-in: a recovery code instead of the app, accepted once only.
    for (const expected of ['accepted', 'rejected'] as const) {
      const context = await browser.newContext();
      const page3 = await context.newPage();
      const recovery = await beginBrowserSignIn(page3, config, redirectUri);
      await new SignInPage(page3).signIn(user);
      await page3.getByRole('button', { name: 'Use a recovery code' }).click();
      await page3.getByLabel('Recovery code').fill(recoveryCode);
      await page3.getByRole('button', { name: 'Verify' }).click();
      if (expected === 'accepted') expect((await completeSignIn(config, await recovery.callback, recovery.start)).claims()!.amr).toEqual(['pwd', 'kba']);
      else await expect(page3.getByText('That code is not valid')).toBeVisible();
      await context.close();
    }
  });

  test('the recovery codes can be copied and downloaded as a text file before the sign-in goes on', async ({ browser }) => {
    const user = createUser({ requireMfa: true });
    const config = await discover(baseURL, 'thalamus-desktop-agent');
    const context = await browser.newContext();
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = await context.newPage();
    const enrollment = await beginBrowserSignIn(page, config, redirectUri);
    await new SignInPage(page).signIn(user);
    await new SignInPage(page).enterCode(authenticatorCode((await page.getByLabel('Setup key').textContent())!));
    const codes = page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem');
    await expect(codes).toHaveCount(10);
    const shown = await codes.allTextContents();

    await page.getByRole('button', { name: 'Copy', exact: true }).click();
    await expect(page.getByRole('status')).toHaveText('Recovery codes copied to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown.join('\n'));

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
    expect(download.suggestedFilename()).toBe('thalamus-recovery-codes.txt');
    const saved = readFileSync((await download.path())!, 'utf8');
    expect(saved.split('\n').filter((line) => shown.includes(line))).toEqual(shown);

    await page.getByRole('button', { name: 'I have saved my recovery codes' }).click();
    expect((await completeSignIn(config, await enrollment.callback, enrollment.start)).claims()!.amr).toEqual(['pwd', 'otp']);
    await context.close();
  });
});
