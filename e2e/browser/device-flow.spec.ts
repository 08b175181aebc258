import { expect, test, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEVICE_FLOW_EXAMPLE } from '../../lib/docs/device-flow-example';
import * as oidc from 'openid-client';
import { discover } from '../../examples/relying-party';
import { createClient, createUser } from '../support/cli';
import { expireDeviceCode } from '../support/database';
import { baseURL } from '../support/test-env';
import { SignInPage } from '../support/sign-in-page';
import { expectNoSeriousAxeViolations } from '../support/accessibility';

// The device authorization grant (RFC 8628): a CLI or a TV asks for a code, shows it, and
// polls the token endpoint while the user types the code at /oauth/device on another screen.

const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
/** The provider's default user codes: 8 consonants, no vowels and no look-alike characters, shown as XXXX-XXXX. */
const USER_CODE = /^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/;

function deviceClient(name = 'Thalamus TV') {
  return createClient({
    name,
    application_type: 'native',
    token_endpoint_auth_method: 'none',
    grant_types: [DEVICE_CODE_GRANT, 'refresh_token'],
    scopes: ['openid', 'profile', 'email'],
  });
}

/** One token request as the device sends it while it waits (RFC 8628 §3.4). */
async function poll(clientId: string, deviceCode: string) {
  const response = await fetch(`${baseURL}/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: DEVICE_CODE_GRANT, device_code: deviceCode, client_id: clientId }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** The user types the code on the hosted page, as they would read it off the device: lower case, no dash. */
async function enterCode(page: Page, userCode: string) {
  await page.goto('/oauth/device');
  await expect(page.getByRole('heading', { name: 'Enter the code shown on your device' })).toBeVisible();
  await page.getByLabel('Code').fill(userCode.replace('-', '').toLowerCase());
  await page.getByRole('button', { name: 'Continue' }).click();
}

test.describe('Signing in on a device with a code (RFC 8628)', () => {
  test('the device polls with openid-client while the user enters the code, signs in and allows access', async ({ page }) => {
    const user = createUser({ name: 'Grace Hopper' });
    const client = deviceClient();
    const config = await discover(baseURL, client.client_id);
    expect(config.serverMetadata().device_authorization_endpoint).toBe(`${baseURL}/oauth/device/auth`);

    const device = await oidc.initiateDeviceAuthorization(config, { scope: 'openid email' });
    expect(device.user_code).toMatch(USER_CODE);
    expect(device.verification_uri).toBe(`${baseURL}/oauth/device`);
    expect(device.interval).toBe(5);
    expect(device.expires_in).toBe(600);
    const tokens = oidc.pollDeviceAuthorizationGrant(config, device);

    await enterCode(page, device.user_code);
    await expect(page.getByRole('heading', { name: 'Connect Thalamus TV?' })).toBeVisible();
    await expect(page.getByText(device.user_code, { exact: true })).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'device confirmation');
    await page.getByRole('button', { name: 'Continue' }).click();
    await new SignInPage(page).signIn(user);
    // A native app another party registered: the user is asked (RFC 8252 §8.6).
    await expect(page.getByRole('heading', { name: 'Allow access?' })).toBeVisible();
    await page.getByRole('button', { name: 'Allow' }).click();
    await expect(page.getByRole('heading', { name: 'You can return to your device' })).toBeVisible();
    await expectNoSeriousAxeViolations(page, 'device success');

    const granted = await tokens;
    expect(granted.claims()).toMatchObject({ iss: baseURL, aud: client.client_id, sub: user.id });
    expect(granted.refresh_token).toBeTruthy();
    expect(await oidc.fetchUserInfo(config, granted.access_token, user.id)).toMatchObject({ sub: user.id, email: user.email });
    // The code is spent: typing it again is refused.
    await enterCode(page, device.user_code);
    await expect(page.getByRole('alert')).toHaveText('That code was used already. Start again on your device to get a new one.');
  });

  test("the integration guide's CLI example signs in as written, with curl and jq, while the user enters the code", async ({ page }) => {
    const user = createUser();
    const client = deviceClient('Build CLI');
    const dir = join('test-results', 'examples', 'device');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, DEVICE_FLOW_EXAMPLE.file);
    writeFileSync(file, DEVICE_FLOW_EXAMPLE.source);
    const cli = spawn('bash', [file], { env: { ...process.env, THALAMUS_URL: baseURL, CLIENT_ID: client.client_id, SCOPE: 'openid profile' } });
    let stdout = '';
    let stderr = '';
    cli.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    cli.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = once(cli, 'exit');

    await expect.poll(() => /enter the code ([A-Z]{4}-[A-Z]{4})/.exec(stderr)?.[1]).toMatch(USER_CODE);
    expect(stderr).toContain(`open ${baseURL}/oauth/device `);
    await enterCode(page, /enter the code ([A-Z]{4}-[A-Z]{4})/.exec(stderr)![1]!);
    await page.getByRole('button', { name: 'Continue' }).click();
    await new SignInPage(page).signIn(user);
    await page.getByRole('button', { name: 'Allow' }).click();
    await expect(page.getByRole('heading', { name: 'You can return to your device' })).toBeVisible();

    const [code] = await exited;
    expect(code, stderr).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ token_type: 'Bearer', access_token: expect.any(String), id_token: expect.any(String) });
  });

  test('a device that polls before the user is done is told to wait, and to slow down when it polls too fast', async () => {
    const client = deviceClient();
    const config = await discover(baseURL, client.client_id);
    const device = await oidc.initiateDeviceAuthorization(config, { scope: 'openid' });

    expect(await poll(client.client_id, device.device_code)).toMatchObject({ status: 400, body: { error: 'authorization_pending' } });
    expect(await poll(client.client_id, device.device_code)).toMatchObject({ status: 400, body: { error: 'slow_down' } });
  });

  test('a device code polled after it expired gets expired_token, and its user code is refused on the page', async ({ page }) => {
    const client = deviceClient();
    const config = await discover(baseURL, client.client_id);
    const device = await oidc.initiateDeviceAuthorization(config, { scope: 'openid' });
    await expireDeviceCode(device.device_code);

    expect(await poll(client.client_id, device.device_code)).toMatchObject({ status: 400, body: { error: 'expired_token' } });
    await enterCode(page, device.user_code);
    await expect(page.getByRole('alert')).toHaveText('That code has expired. Start again on your device to get a new one.');
  });

  test('a user who did not start the sign-in cancels it, and the device is told access_denied', async ({ page }) => {
    const client = deviceClient('Unknown Box');
    const config = await discover(baseURL, client.client_id);
    const device = await oidc.initiateDeviceAuthorization(config, { scope: 'openid' });

    await enterCode(page, device.user_code);
    await expect(page.getByRole('heading', { name: 'Connect Unknown Box?' })).toBeVisible();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('alert')).toHaveText('You cancelled. Your device was told: nothing was connected.');
    expect(await poll(client.client_id, device.device_code)).toMatchObject({ status: 400, body: { error: 'access_denied' } });
  });

  test('a mistyped code is refused with the code kept in the field to correct', async ({ page }) => {
    await enterCode(page, 'BCDF-GHJK');
    await expect(page.getByRole('alert')).toHaveText('That code is not valid. Check it and try again.');
    await expect(page.getByLabel('Code')).toHaveValue('bcdfghjk');
    await expectNoSeriousAxeViolations(page, 'device code entry with an error');
  });

  test('a client without the Device Code grant cannot start one', async () => {
    const { client_secret, ...client } = createClient({ name: 'Web only', grant_types: ['client_credentials'], scopes: ['openid'] });
    const response = await fetch(`${baseURL}/oauth/device/auth`, {
      method: 'POST',
      headers: { authorization: `Basic ${Buffer.from(`${client.client_id}:${client_secret}`).toString('base64')}` },
      body: new URLSearchParams({ scope: 'openid' }),
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'unauthorized_client' });
  });
});
