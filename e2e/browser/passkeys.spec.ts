import { expect, test, type Page, type Request } from '@playwright/test';
import { completeSignIn, discover } from '../../examples/relying-party';
import { createClient, createUser, thalamusWith, type TestUser } from '../support/cli';
import { beginBrowserSignIn } from '../support/relying-party';
import { SignInPage } from '../support/sign-in-page';
import { startPasskeyInstallation, VirtualAuthenticator, withoutPasskeyAutofill, type PasskeyInstallation } from '../support/passkeys';

// An installation of its own at http://localhost (see e2e/support/passkeys.ts for why).
const port = Number(process.env.THALAMUS_TEST_PORT ?? 3210) + 1;
const redirectUri = 'https://passkey-app.example.test/callback';
let thalamus: PasskeyInstallation;

test.beforeAll(async () => {
  thalamus = await startPasskeyInstallation(port);
});
test.afterAll(async () => {
  await thalamus?.stop();
});

async function openAccount(page: Page, user: TestUser) {
  await page.goto(`${thalamus.url}/account`);
  await new SignInPage(page).signIn(user);
  await expect(page.getByRole('heading', { name: 'Your account', level: 1 })).toBeVisible();
}

async function addPasskey(page: Page, name: string) {
  const section = page.getByRole('region', { name: 'Passkeys' });
  await section.getByLabel('Passkey name').fill(name);
  await section.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(section.getByRole('status')).toHaveText(`Passkey “${name}” added.`);
  await expect(section.getByRole('listitem', { name })).toContainText('Never used');
}

async function signOutOfAccount(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/account\/signed-out$/);
}

/** A user with one passkey ("Work laptop") in this browser's authenticator, signed out again. */
async function userWithPasskey(page: Page, options: { requireMfa?: boolean } = {}) {
  const user = createUser({ env: thalamus.env, ...options });
  await openAccount(page, user);
  await addPasskey(page, 'Work laptop');
  await signOutOfAccount(page);
  return user;
}

function application() {
  const { client_secret, ...client } = createClient(
    { name: 'Passkey App', grant_types: ['authorization_code'], redirect_uris: [redirectUri], scopes: ['openid', 'email'] },
    thalamus.env,
  );
  return discover(thalamus.url, client.client_id, client_secret);
}

const passkeyRow = (userId: string) => thalamus.withDb((db) => db.passkey.findFirstOrThrow({ where: { userId }, select: { counter: true, lastUsedAt: true } }));

test.describe('Passkeys', () => {
  test('are added on the account page, sign in alone through an application, and stop working once removed', async ({ page, context }) => {
    await withoutPasskeyAutofill(page);
    await VirtualAuthenticator.add(context, page);
    const user = createUser({ env: thalamus.env });
    await openAccount(page, user);
    await expect(page.getByRole('heading', { name: 'Passkeys' })).toBeVisible();
    await addPasskey(page, 'Work laptop');
    await signOutOfAccount(page);

    const config = await application();
    const { start, callback } = await beginBrowserSignIn(page, config, redirectUri, 'openid email');
    await new SignInPage(page).expectVisible();
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    const tokens = await completeSignIn(config, await callback, start);
    const claims = tokens.claims()!;
    expect(claims.sub).toBe(user.id);
    // RFC 8176: a key held by one device, unlocked by the person: two factors, no password.
    expect(claims.amr).toEqual(['hwk', 'mfa']);

    await page.goto(`${thalamus.url}/account`);
    const section = page.getByRole('region', { name: 'Passkeys' });
    await expect(section.getByRole('listitem', { name: 'Work laptop' })).toContainText('Last used');
    await expect(page.getByRole('region', { name: 'Security activity' })).toContainText('Signed in with a passkey');
    await section.getByRole('button', { name: 'Remove passkey Work laptop' }).click();
    await expect(section.getByRole('status')).toHaveText('Passkey “Work laptop” removed.');
    await expect(section.getByText('No passkeys yet.')).toBeVisible();
    await signOutOfAccount(page);

    // The device still holds it; Thalamus no longer accepts it.
    await beginBrowserSignIn(page, config, redirectUri, 'openid email');
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('This passkey is not registered with Thalamus (it may have been removed). Sign in another way.');
    await new SignInPage(page).expectVisible();
  });

  test('are offered in the Email field’s autofill: picking one signs in without typing anything', async ({ page, context }) => {
    await VirtualAuthenticator.add(context, page);
    const user = await userWithPasskey(page);
    const config = await application();
    // The virtual authenticator picks the passkey the Email field offers as soon as the page asks.
    const { start, callback } = await beginBrowserSignIn(page, config, redirectUri, 'openid email');
    const tokens = await completeSignIn(config, await callback, start);
    expect(tokens.claims()).toMatchObject({ sub: user.id, amr: ['hwk', 'mfa'] });
  });

  test('stand in for the authenticator code after a password', async ({ page, context }) => {
    await withoutPasskeyAutofill(page);
    await VirtualAuthenticator.add(context, page);
    const user = createUser({ env: thalamus.env, requireMfa: true });
    await page.goto(`${thalamus.url}/account`);
    const signIn = new SignInPage(page);
    await signIn.signIn(user);
    await signIn.enrollAuthenticator();
    await expect(page.getByRole('heading', { name: 'Your account', level: 1 })).toBeVisible();
    await addPasskey(page, 'Work laptop');
    await signOutOfAccount(page);

    const config = await application();
    const { start, callback } = await beginBrowserSignIn(page, config, redirectUri, 'openid email');
    await signIn.signIn(user);
    await expect(page.getByRole('heading', { name: 'Two-step verification' })).toBeVisible();
    await expect(page.getByLabel('Authentication code')).toBeVisible();
    await page.getByRole('button', { name: 'Use a passkey' }).click();
    const tokens = await completeSignIn(config, await callback, start);
    expect(tokens.claims()).toMatchObject({ sub: user.id, amr: ['pwd', 'hwk', 'mfa'] });
  });

  test('refuse an answer for another challenge, another origin or an earlier sign-in, and change nothing', async ({ page, context }) => {
    await withoutPasskeyAutofill(page);
    await VirtualAuthenticator.add(context, page);
    const user = await userWithPasskey(page);
    const config = await application();

    // A genuine sign-in first, whose answer is kept (as an eavesdropper would).
    let captured: string | undefined;
    const capture = (request: Request) => {
      const body = request.postData() ?? '';
      if (request.method() === 'POST' && body.includes('clientDataJSON')) captured = body;
    };
    page.on('request', capture);
    const first = await beginBrowserSignIn(page, config, redirectUri, 'openid email');
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await completeSignIn(config, await first.callback, first.start);
    page.off('request', capture);
    expect(captured).toBeDefined();
    const before = await passkeyRow(user.id);

    const attempts: [string, (body: string) => string, string][] = [
      [
        'another challenge',
        (body) => rewriteClientData(body, (data) => ({ ...data, challenge: Buffer.from('not the challenge').toString('base64url') })),
        'The passkey was refused: it answers another sign-in request.',
      ],
      [
        'another origin',
        (body) => rewriteClientData(body, (data) => ({ ...data, origin: 'https://thalamus.attacker.example' })),
        `The passkey was refused: it was made for another site, not ${thalamus.url}.`,
      ],
      ['an earlier sign-in (replayed)', (body) => replayAnswer(body, captured!), 'The passkey was refused: it answers another sign-in request.'],
    ];
    for (const [what, tamper, message] of attempts) {
      await test.step(what, async () => {
        await page.context().clearCookies();
        await beginBrowserSignIn(page, config, redirectUri, 'openid email');
        await page.route(`${thalamus.url}/interaction/**`, async (route) => {
          const body = route.request().postData() ?? '';
          await route.continue(body.includes('clientDataJSON') ? { postData: tamper(body) } : undefined);
        });
        await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
        await expect(page.getByRole('main').getByRole('alert')).toHaveText(message);
        await new SignInPage(page).expectVisible();
        await page.unrouteAll({ behavior: 'wait' });
      });
    }
    // Nothing changed: the counter and the last use are the genuine sign-in's.
    expect(await passkeyRow(user.id)).toEqual(before);

    // And the passkey still works (each refusal used up its challenge; the button asks for a new one).
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await expect(page).not.toHaveURL(/\/interaction\//);
  });

  test('refuse an authenticator whose counter goes backwards (a copy) and record it', async ({ page, context }) => {
    await withoutPasskeyAutofill(page);
    const authenticator = await VirtualAuthenticator.add(context, page);
    const user = await userWithPasskey(page);
    const config = await application();
    const [copy] = await authenticator.credentials();

    const signIn = async () => {
      await page.context().clearCookies();
      await beginBrowserSignIn(page, config, redirectUri, 'openid email');
      await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    };
    await signIn();
    await expect(page).not.toHaveURL(/\/interaction\//);
    // The copy, taken before that sign-in, answers with the counter it had then.
    await authenticator.restore(copy!);
    await signIn();
    await expect(page.getByRole('main').getByRole('alert')).toContainText('its signature counter went backwards');
    const events = await thalamus.withDb((db) => db.securityEvent.findMany({ where: { userId: user.id, type: 'passkey.clone_detected' } }));
    expect(events).toHaveLength(1);

    // Suspended, not refused once: the copy's counter would soon pass the stored one.
    await signIn();
    await expect(page.getByRole('main').getByRole('alert')).toHaveText(
      'This passkey no longer signs in: a copy of it was detected. Remove it on your account page and add it again.',
    );
    await openAccount(page, user);
    await expect(page.getByRole('region', { name: 'Passkeys' }).getByRole('listitem', { name: 'Work laptop' })).toContainText('a copy of it was detected');
  });
});

test.describe('Passkeys in the console', () => {
  const superAdmin = { email: process.env.ADMIN_EMAIL!, password: process.env.ADMIN_PASSWORD! };

  test('administrators see a user’s passkeys in the user’s details and remove one: it no longer signs in, and it is recorded', async ({ page, context, browser }) => {
    await withoutPasskeyAutofill(page);
    await VirtualAuthenticator.add(context, page);
    const user = await userWithPasskey(page);

    const adminContext = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const admin = await adminContext.newPage();
    await admin.goto(`${thalamus.url}/console`);
    await new SignInPage(admin).signIn(superAdmin);
    await expect(admin.getByRole('heading', { name: 'Overview' })).toBeVisible();
    await admin.goto(`${thalamus.url}/console/users?user=${user.id}`);
    const details = admin.getByRole('complementary', { name: 'User Details' });
    const passkeys = details.getByRole('region', { name: 'Passkeys' });
    await expect(passkeys.getByRole('listitem', { name: 'Work laptop' })).toContainText('never used');
    await passkeys.getByRole('button', { name: 'Remove passkey Work laptop' }).click();
    await admin.getByRole('dialog', { name: 'Remove this passkey?' }).getByRole('button', { name: 'Remove passkey' }).click();
    await expect(passkeys.getByText('No passkeys.')).toBeVisible();
    await admin.reload();
    await expect(details.getByRole('region', { name: 'Security events' })).toContainText('Passkey removed');
    const audit = await thalamus.withDb((db) => db.auditEvent.findMany({ where: { targetId: user.id, action: 'user.passkey_removed' } }));
    expect(audit.map((row) => row.actorLabel)).toEqual([superAdmin.email]);
    await adminContext.close();

    await beginBrowserSignIn(page, await application(), redirectUri, 'openid email');
    await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
    await expect(page.getByRole('main').getByRole('alert')).toHaveText('This passkey is not registered with Thalamus (it may have been removed). Sign in another way.');
  });

  test('with passkeys required for administrators, the console opens to a passkey only; the account page stays open to add one', async ({ page, context }) => {
    thalamusWith(thalamus.env, 'settings', 'admin-passkeys', 'on');
    try {
      await withoutPasskeyAutofill(page);
      await VirtualAuthenticator.add(context, page);
      await page.goto(`${thalamus.url}/console`);
      await new SignInPage(page).signIn(superAdmin);
      await expect(page.getByRole('main').getByRole('alert')).toHaveText(
        'Administrators sign in to the console with a passkey. Add one on your account page (/account), then sign in to the console with it.',
      );

      await page.goto(`${thalamus.url}/account`);
      await new SignInPage(page).signIn(superAdmin);
      await expect(page.getByRole('heading', { name: 'Your account', level: 1 })).toBeVisible();
      await addPasskey(page, 'Admin key');

      // The account page's password session does not carry over into the console: it asks again.
      await page.goto(`${thalamus.url}/console`);
      await new SignInPage(page).expectVisible();
      await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
      await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();

      // After a password, the second step offers the passkey alone (no authenticator code).
      await page.context().clearCookies();
      await page.goto(`${thalamus.url}/console`);
      await new SignInPage(page).signIn(superAdmin);
      await expect(page.getByRole('heading', { name: 'Two-step verification' })).toBeVisible();
      await expect(page.getByLabel('Authentication code')).toHaveCount(0);
      await page.getByRole('button', { name: 'Use a passkey' }).click();
      await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
    } finally {
      thalamusWith(thalamus.env, 'settings', 'admin-passkeys', 'off');
    }
  });
});

/** The server action's body with the passkey answer's clientDataJSON decoded, changed and encoded again. */
function rewriteClientData(body: string, change: (data: Record<string, unknown>) => Record<string, unknown>): string {
  return body.replace(/("clientDataJSON"\s*:\s*")([\w-]+)(")/, (_all, open: string, value: string, close: string) => {
    const data = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Record<string, unknown>;
    return `${open}${Buffer.from(JSON.stringify(change(data))).toString('base64url')}${close}`;
  });
}

/** The body with the signed parts of the answer (client data, authenticator data, signature) of an earlier one. */
function replayAnswer(body: string, earlier: string): string {
  let result = body;
  for (const field of ['clientDataJSON', 'authenticatorData', 'signature']) {
    const pattern = new RegExp(`("${field}"\\s*:\\s*")([\\w-]+)(")`);
    const old = pattern.exec(earlier)?.[2];
    if (old) result = result.replace(pattern, (_all, open: string, _value: string, close: string) => `${open}${old}${close}`);
  }
  return result;
}
