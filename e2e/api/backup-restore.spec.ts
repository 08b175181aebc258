import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as oidc from 'openid-client';
import pg from 'pg';
import { completeSignIn, discover } from '../../examples/relying-party';
import { createClient, createUser, thalamus, type CreatedClient } from '../support/cli';
import { startExtraServer } from '../support/extra-server';
import { beginBrowserSignIn } from '../support/relying-party';
import { SignInPage } from '../support/sign-in-page';
import { baseURL, basicAuth } from '../support/test-env';

// `thalamus db backup` while the server runs, restored the way the README says (SQLite:
// copy the file; PostgreSQL: pg_restore into a new database), served by a second server.

const databaseUrl = process.env.DATABASE_URL!; // this run's throwaway database
const onPostgres = /^postgres(ql)?:\/\//i.test(databaseUrl);
const port = Number(process.env.THALAMUS_TEST_PORT ?? 3210) + 10;
const redirectUri = 'http://127.0.0.1:53682/callback';

interface Restored {
  url: string;
  drop(): Promise<void>;
}

async function restore(file: string, dir: string): Promise<Restored> {
  if (!onPostgres) {
    copyFileSync(file, join(dir, 'restored.db'));
    return { url: `file:${join(dir, 'restored.db')}`, drop: async () => {} };
  }
  const name = `thalamus_restored_${Date.now()}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    await client.query(sql).finally(() => client.end());
  };
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(databaseUrl);
  url.pathname = `/${name}`;
  const run = spawnSync('pg_restore', ['--no-owner', '--no-privileges', `--dbname=${url}`, file], { encoding: 'utf8' });
  expect(run.status, run.stderr).toBe(0);
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

function clientCredentials(server: string, { client_secret, ...client }: CreatedClient) {
  return fetch(`${server}/oauth/token`, {
    method: 'POST',
    headers: { Authorization: basicAuth(client.client_id, client_secret!) },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'directory:read' }),
  });
}

const serviceClient = (name: string) => createClient({ name, grant_types: ['client_credentials'], scopes: ['directory:read'] });
const kids = async (server: string) => ((await (await fetch(`${server}/oauth/jwks`)).json()) as { keys: { kid: string }[] }).keys.map((k) => k.kid).sort();

test.describe('db backup', () => {
  test('a backup taken while the server runs restores into a fresh database; refresh tokens rotated since stay dead', async ({ page }) => {
    test.setTimeout(120_000);
    const dir = mkdtempSync(join(tmpdir(), 'thalamus-backup-e2e-'));
    let restored: Restored | undefined;
    let server: Awaited<ReturnType<typeof startExtraServer>> | undefined;
    try {
      const beforeBackup = serviceClient('Registered before the backup');
      const config = await discover(baseURL, 'thalamus-desktop-agent');
      const { start, callback } = await beginBrowserSignIn(page, config, redirectUri, 'openid offline_access');
      await new SignInPage(page).signIn(createUser());
      const r1 = (await completeSignIn(config, await callback, start)).refresh_token!;
      const keysAtBackup = await kids(baseURL);

      const file = join(dir, onPostgres ? 'thalamus.dump' : 'thalamus.db');
      const backup = JSON.parse(thalamus('db', 'backup', '--out', file, '--json')) as { file: string; provider: string; bytes: number };
      expect(backup).toMatchObject({ file, provider: onPostgres ? 'postgresql' : 'sqlite' });
      expect(backup.bytes).toBeGreaterThan(0);

      // After the backup: R1 is rotated (R1 → R2) and another client is registered.
      const r2 = (await oidc.refreshTokenGrant(config, r1)).refresh_token!;
      expect(r2).not.toBe(r1);
      const afterBackup = serviceClient('Registered after the backup');

      restored = await restore(file, dir);
      server = await startExtraServer(port, { DATABASE_URL: restored.url });

      expect(await kids(server.url)).toEqual(keysAtBackup);
      const granted = await clientCredentials(server.url, beforeBackup);
      expect(granted.status).toBe(200);
      expect(((await granted.json()) as { scope: string }).scope).toBe('directory:read');
      const unknown = await clientCredentials(server.url, afterBackup);
      expect(unknown.status).toBe(401);

      // R1 was rotated after the backup: replaying it against the restored database must fail.
      const restoredConfig = await discover(server.url, 'thalamus-desktop-agent');
      await expect(oidc.refreshTokenGrant(restoredConfig, r1)).rejects.toMatchObject({ error: 'invalid_grant' });
      await expect(oidc.refreshTokenGrant(restoredConfig, r2)).rejects.toMatchObject({ error: 'invalid_grant' });
    } finally {
      await server?.stop();
      await restored?.drop();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('refuses to overwrite a file, naming --out, without a stack trace', () => {
    const dir = mkdtempSync(join(tmpdir(), 'thalamus-backup-e2e-'));
    try {
      const existing = join(dir, 'taken.db');
      writeFileSync(existing, 'not a backup');
      const run = spawnSync(process.execPath, ['bin/thalamus.mjs', 'db', 'backup', '--out', existing], { encoding: 'utf8', env: process.env });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/--out .*taken\.db already exists/);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
