import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import * as oidc from 'openid-client';
import { completeSignIn, discover } from '../../examples/relying-party';
import { createUser, thalamus, type TestUser } from '../support/cli';
import { beginBrowserSignIn } from '../support/relying-party';
import { SignInPage } from '../support/sign-in-page';
import { baseURL, basicAuth, syncClient } from '../support/test-env';

// `thalamus keys rotate` against the running server, which must pick the new keys up
// by itself (within KEY_RELOAD_INTERVAL_SECONDS, 10 s): the polls allow for that.

const jwksUrl = new URL('/oauth/jwks', baseURL);
const redirectUri = 'http://127.0.0.1:53682/callback';
const PICKUP = { timeout: 25_000, intervals: [500] };

interface Rotation {
  activated: { kid: string; alg: string }[];
  retired: { kid: string }[];
  dropped: { kid: string }[];
}

const rotate = (...args: string[]) => JSON.parse(thalamus('keys', 'rotate', '--json', ...args)) as Rotation;
const kidOf = (jwt: string) => decodeProtectedHeader(jwt).kid;

async function publishedKids(): Promise<string[]> {
  const { keys } = (await (await fetch(jwksUrl)).json()) as { keys: { kid: string }[] };
  return keys.map((k) => k.kid);
}

/** A fresh key set each time, as a resource server that has not cached the old JWKS. */
const verify = (jwt: string, audience?: string) => jwtVerify(jwt, createRemoteJWKSet(jwksUrl), { issuer: baseURL, ...(audience ? { audience } : {}) });

async function syncClientToken(): Promise<string> {
  const response = await fetch(`${baseURL}/oauth/token`, {
    method: 'POST',
    headers: { Authorization: basicAuth(syncClient.id, syncClient.secret) },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'directory:read' }),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

async function signIn(page: Page, user: TestUser, config: oidc.Configuration) {
  const { start, callback } = await beginBrowserSignIn(page, config, redirectUri, 'openid offline_access');
  await new SignInPage(page).signIn(user);
  return completeSignIn(config, await callback, start);
}

/** Where a silent sign-in (prompt=none) with the browser's session lands: a code, or login_required. */
async function silentSignIn(page: Page, config: oidc.Configuration) {
  const { start, callback } = await beginBrowserSignIn(page, config, redirectUri, 'openid', { prompt: 'none' });
  const url = await callback;
  return { url, start };
}

test.describe('keys rotate', () => {
  test('the new key signs at once on the running server; tokens signed before verify until the old key is dropped', async ({ page }) => {
    test.setTimeout(90_000);
    const config = await discover(baseURL, 'thalamus-desktop-agent');
    const user = createUser();
    const before = await signIn(page, user, config);
    const accessBefore = await syncClientToken();
    const oldKid = kidOf(accessBefore)!;
    expect(kidOf(before.id_token!)).toBe(oldKid);

    const rotation = rotate();
    const newKid = rotation.activated.find((k) => k.alg === 'ES256')!.kid;
    expect(rotation.activated.map((k) => k.alg).sort()).toEqual(['ES256', 'RS256']);
    expect(rotation.retired.map((k) => k.kid)).toContain(oldKid);

    await expect.poll(publishedKids, PICKUP).toContain(newKid);
    expect(await publishedKids()).toContain(oldKid);

    // New tokens carry the new kid: client credentials access tokens and ID tokens alike.
    const accessAfter = await syncClientToken();
    expect(kidOf(accessAfter)).toBe(newKid);
    const refreshed = await oidc.refreshTokenGrant(config, before.refresh_token!);
    expect(kidOf(refreshed.id_token!)).toBe(newKid);

    // Both generations verify against the published key set.
    expect((await verify(accessBefore, `${baseURL}/api`)).payload.client_id).toBe(syncClient.id);
    expect((await verify(before.id_token!)).payload.sub).toBe(user.id);
    expect((await verify(accessAfter, `${baseURL}/api`)).protectedHeader.kid).toBe(newKid);
    expect((await verify(refreshed.id_token!)).payload.sub).toBe(user.id);

    // Once the retention window is over (0 s here, as after a leaked key) the old key
    // is dropped: gone from the JWKS, and what it signed no longer verifies.
    const drop = rotate('--retain-seconds', '0');
    expect(drop.dropped.map((k) => k.kid)).toEqual(expect.arrayContaining([oldKid, newKid]));
    await expect.poll(publishedKids, PICKUP).not.toContain(oldKid);
    await expect(verify(accessBefore, `${baseURL}/api`)).rejects.toMatchObject({ code: 'ERR_JWKS_NO_MATCHING_KEY' });
    const newest = drop.activated.find((k) => k.alg === 'ES256')!.kid;
    expect(kidOf(await syncClientToken())).toBe(newest);
  });

  test('keys rotate --cookies keeps signed-in sessions working; dropping the old cookie key ends them', async ({ page }) => {
    test.setTimeout(90_000);
    const config = await discover(baseURL, 'thalamus-desktop-agent');
    const user = createUser();
    await signIn(page, user, config);

    const cookies = rotate('--cookies');
    expect(cookies.activated).toHaveLength(1);
    expect(cookies.retired).toHaveLength(1);
    // The server reloads its whole key set at once: once a signing rotation made after
    // the cookie rotation is visible in the JWKS, the new cookie key is in use too.
    const marker = rotate('--alg', 'ES256').activated[0]!.kid;
    await expect.poll(publishedKids, PICKUP).toContain(marker);

    const silent = await silentSignIn(page, config);
    expect(silent.url.searchParams.get('error')).toBeNull();
    expect((await completeSignIn(config, silent.url, silent.start)).claims()!.sub).toBe(user.id);

    const listed = JSON.parse(thalamus('keys', 'list', '--json')) as { kid: string; use: string; status: string }[];
    expect(listed.filter((k) => k.use === 'cookie' && k.status === 'active').map((k) => k.kid)).toEqual([cookies.activated[0]!.kid]);
    expect(listed.find((k) => k.kid === cookies.retired[0]!.kid)?.status).toBe('retired');
    expect(JSON.stringify(listed)).not.toMatch(/"(d|material)"/);

    // With no retention every earlier cookie key goes: the session cookie no longer verifies.
    rotate('--cookies', '--retain-seconds', '0');
    await expect(async () => {
      expect((await silentSignIn(page, config)).url.searchParams.get('error')).toBe('login_required');
    }).toPass(PICKUP);
  });

  test('bad arguments get a one-line answer naming the argument, and change nothing', () => {
    test.setTimeout(60_000); // six CLI runs
    const before = thalamus('keys', 'list', '--json');
    for (const [args, message] of [
      [['--retain-seconds', 'soon'], /--retain-seconds must be a whole number of seconds/],
      [['--retain-seconds=-5'], /--retain-seconds must be a whole number of seconds/],
      [['--alg', 'HS256'], /--alg must be a comma-separated list of ES256, RS256; got "HS256"/],
      [['--cookies', '--alg', 'ES256'], /--alg applies to signing keys/],
    ] as const) {
      const run = spawnSync(process.execPath, ['bin/thalamus.mjs', 'keys', 'rotate', ...args], { encoding: 'utf8', env: process.env });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(thalamus('keys', 'list', '--json')).toBe(before);
  });
});
