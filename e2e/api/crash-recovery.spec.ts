import { expect, test } from '@playwright/test';
import { createApiKey, createClient, createUser } from '../support/cli';
import { createDb } from '../../lib/db/client';
import { startExtraServer } from '../support/extra-server';
import { refreshWith, signIn } from '../support/http-sign-in';
import { basicAuth } from '../support/test-env';

// A server killed with SIGKILL under token load (no graceful shutdown, requests cut
// mid-way, nothing flushed by the process) and started again on the same database.
// Every answer the server gave before it died must still hold: a token it issued is
// still valid, a client it created still authenticates, its keys are the same.

const databaseUrl = process.env.DATABASE_URL!; // this run's throwaway database
const onPostgres = /^postgres(ql)?:\/\//i.test(databaseUrl);
const port = Number(process.env.THALAMUS_TEST_PORT ?? 3210) + 23;

interface Service {
  id: string;
  secret: string;
}
const service = (created: { client_id: string; client_secret?: string }): Service => ({ id: created.client_id, secret: created.client_secret! });
const opaqueService = { grant_types: ['client_credentials'], scopes: ['directory:read'], access_token_format: 'opaque' };

const clientCredentials = (server: string, client: Service) =>
  fetch(`${server}/oauth/token`, {
    method: 'POST',
    headers: { Authorization: basicAuth(client.id, client.secret) },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'directory:read' }),
  });

async function listClientIds(server: string, key: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = '';
  while (cursor !== null) {
    const response = await fetch(`${server}/api/clients?limit=100${cursor ? `&cursor=${cursor}` : ''}`, { headers: { Authorization: `Bearer ${key}` } });
    expect(response.status).toBe(200);
    const page = (await response.json()) as { data: { client_id: string }[]; next_cursor: string | null };
    ids.push(...page.data.map((c) => c.client_id));
    cursor = page.next_cursor;
  }
  return ids;
}

/** What the loads below saw before the server died: only answers that arrived count. */
const seen = { tokens: [] as { token: string; client: Service }[], refreshTokens: [] as string[], created: [] as Service[], serverErrors: [] as string[] };

/** Runs `step` until it throws (the server is gone); a 5xx answer is recorded as a failure. */
async function loop(step: () => Promise<Response>, onOk: (response: Response) => Promise<void>) {
  for (;;) {
    let response: Response;
    try {
      response = await step();
    } catch {
      return; // connection refused or cut: the kill
    }
    if (response.status >= 500) seen.serverErrors.push(`${response.status} ${await response.text()}`);
    else if (response.ok) await onOk(response).catch(() => undefined);
  }
}

test.describe('Crash recovery', () => {
  test('SIGKILL under token load loses nothing that was answered, and nothing is half-written', async () => {
    test.setTimeout(90_000);
    const { key } = createApiKey('clients:read,clients:write');
    const services = [1, 2, 3].map((n) => service(createClient({ name: `Crash service ${n}`, ...opaqueService })));
    const users = [createUser(), createUser()];

    let server = await startExtraServer(port);
    const jwksBefore = await (await fetch(`${server.url}/oauth/jwks`)).json();
    const listedBefore = await listClientIds(server.url, key);
    seen.refreshTokens = await Promise.all(users.map((user) => signIn(server.url, user)));

    const loads = [
      ...services.map((client) =>
        loop(
          () => clientCredentials(server.url, client),
          async (r) => void seen.tokens.push({ token: ((await r.json()) as { access_token: string }).access_token, client }),
        ),
      ),
      ...seen.refreshTokens.map((_, chain) =>
        loop(
          () => refreshWith(server.url, seen.refreshTokens[chain]!),
          async (r) => void (seen.refreshTokens[chain] = ((await r.json()) as { refresh_token: string }).refresh_token),
        ),
      ),
      loop(
        () =>
          fetch(`${server.url}/api/clients`, {
            method: 'POST',
            headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
            body: JSON.stringify({ name: 'Created under load', ...opaqueService }),
          }),
        async (r) => void seen.created.push(service((await r.json()) as { client_id: string; client_secret: string })),
      ),
    ];
    // Kill once every kind of write has happened a few times (bounded: the poll gives up).
    await expect.poll(() => Math.min(seen.tokens.length / 10, seen.created.length), { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    await server.kill();
    await Promise.all(loads);
    expect(seen.serverErrors).toEqual([]);

    // The database itself: SQLite's own consistency check; PostgreSQL answers on every table touched.
    const db = createDb();
    try {
      if (onPostgres) {
        expect(await db.oAuthClient.count()).toBeGreaterThanOrEqual(listedBefore.length);
        expect(await db.oidcModel.count()).toBeGreaterThan(0);
      } else {
        expect(await db.$queryRawUnsafe('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
      }
    } finally {
      await db.$disconnect();
    }

    server = await startExtraServer(port);
    try {
      expect(await (await fetch(`${server.url}/oauth/jwks`)).json()).toEqual(jwksBefore);

      // Clients: none lost, every acknowledged one complete (it authenticates with the secret
      // shown once), and any created as the server died either absent or whole.
      const listedAfter = await listClientIds(server.url, key);
      expect(listedAfter).toEqual(expect.arrayContaining([...listedBefore, ...seen.created.map((c) => c.id)]));
      for (const client of [...services, ...seen.created]) expect((await clientCredentials(server.url, client)).status).toBe(200);
      for (const id of listedAfter.filter((id) => !listedBefore.includes(id))) {
        expect((await fetch(`${server.url}/api/clients/${id}`, { headers: { Authorization: `Bearer ${key}` } })).status).toBe(200);
      }

      // Every access token the server answered with was committed before the answer: active.
      const introspected = await Promise.all(
        seen.tokens.map(async ({ token, client }) => {
          const response = await fetch(`${server.url}/oauth/introspect`, {
            method: 'POST',
            headers: { Authorization: basicAuth(client.id, client.secret) },
            body: new URLSearchParams({ token }),
          });
          return `${response.status} ${((await response.json()) as { active: boolean }).active}`;
        }),
      );
      expect(introspected.filter((answer) => answer !== '200 true')).toEqual([]);

      // The last refresh token of each chain may have been consumed by a request the kill
      // cut off: then it is rejected cleanly (invalid_grant), otherwise it still works.
      for (const refreshToken of seen.refreshTokens) {
        const response = await refreshWith(server.url, refreshToken);
        const body = (await response.json()) as { error?: string };
        expect(response.status === 200 || (response.status === 400 && body.error === 'invalid_grant'), JSON.stringify(body)).toBe(true);
      }
    } finally {
      await server.stop();
    }
  });
});
