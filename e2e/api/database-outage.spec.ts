import { expect, test } from '@playwright/test';
import { createClient, type CreatedClient } from '../support/cli';
import { startExtraServer, type ExtraServer } from '../support/extra-server';
import { MOBILE_APP } from '../support/http-sign-in';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';
import { basicAuth } from '../support/test-env';

// The database goes away under a running server and comes back. The server must fail
// closed and cleanly (OAuth-shaped errors, no stack traces, never a code or an
// unrecorded token) and recover by itself, without a restart.
//
// PostgreSQL only. The outage is a TCP proxy between the server and PostgreSQL that cuts
// and refuses connections. SQLite has no honest equivalent: the database is a file the
// server process holds open, so renaming it or taking its permissions away changes
// nothing for the open descriptors (the server keeps working), and deleting it is data
// loss, not an outage.

const databaseUrl = process.env.DATABASE_URL!;
const onPostgres = /^postgres(ql)?:\/\//i.test(databaseUrl);
const base = Number(process.env.THALAMUS_TEST_PORT ?? 3210);

const serviceClient = (format: 'jwt' | 'opaque') =>
  createClient({ name: `Outage ${format} service`, grant_types: ['client_credentials'], scopes: ['directory:read'], access_token_format: format });
const tokenRequest = (server: string, { client_secret, ...client }: CreatedClient) =>
  fetch(`${server}/oauth/token`, {
    method: 'POST',
    headers: { Authorization: basicAuth(client.client_id, client_secret!) },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'directory:read' }),
    signal: AbortSignal.timeout(20_000), // a hanging request fails the test instead of stalling it
  });

/**
 * A failed token request: 503 temporarily_unavailable with Retry-After (try again
 * shortly; not a bug to report), JSON, with nothing internal in it.
 */
async function expectCleanFailure(response: Response) {
  const text = await response.text();
  expect(response.status, text).toBe(503);
  expect(response.headers.get('retry-after')).toBe('5');
  expect(response.headers.get('content-type')).toMatch(/application\/json/);
  expect((JSON.parse(text) as { error: string }).error).toBe('temporarily_unavailable');
  expect(text).not.toMatch(/\n\s+at |prisma|ECONNRE|postgres/i);
}

const health = async (server: string) => {
  const response = await fetch(`${server}/api/health`);
  return { status: response.status, database: ((await response.json()) as { database: { status: string } }).database.status };
};

function authorizeUrl(server: string): string {
  const url = new URL(`${server}/oauth/authorize`);
  const params = {
    client_id: MOBILE_APP.clientId,
    response_type: 'code',
    redirect_uri: MOBILE_APP.redirectUri,
    scope: 'openid',
    code_challenge: 'x'.repeat(43),
    code_challenge_method: 'S256',
    state: 'outage',
  };
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  return url.href;
}

test.describe('Database outage', () => {
  test.skip(!onPostgres, 'needs PostgreSQL: SQLite is a file held open by the server, see the note above');

  let proxy: TcpProxy;
  let server: ExtraServer;
  test.beforeAll(async () => {
    const target = new URL(databaseUrl);
    proxy = await startTcpProxy(base + 21, { host: target.hostname, port: Number(target.port || 5432) });
    const viaProxy = new URL(databaseUrl);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    server = await startExtraServer(base + 22, { DATABASE_URL: viaProxy.toString() });
  });
  test.afterAll(async () => {
    proxy?.resume(); // a test that failed mid-outage must not leave the server hanging on its way out
    await server?.stop();
    await proxy?.close();
  });

  test('fails closed with clean OAuth errors while PostgreSQL is unreachable and recovers by itself', async () => {
    test.setTimeout(60_000);
    const opaque = serviceClient('opaque');
    const jwt = serviceClient('jwt');
    const before = await tokenRequest(server.url, opaque);
    expect(before.status).toBe(200);
    const { access_token: issuedBefore } = (await before.json()) as { access_token: string };
    expect((await tokenRequest(server.url, jwt)).status).toBe(200);

    proxy.pause();
    await expect.poll(() => health(server.url), { timeout: 10_000 }).toEqual({ status: 503, database: 'unavailable' });

    // An opaque token exists only as a database row: it cannot be issued now.
    await expectCleanFailure(await tokenRequest(server.url, opaque));

    // A JWT needs no row, and the client may still be in the server's memory, so one may
    // be issued for up to a second (the cache's version check); after that the client
    // cannot be confirmed and the request fails like any other.
    await expect(async () => {
      await expectCleanFailure(await tokenRequest(server.url, jwt));
    }).toPass({ timeout: 5_000 });

    // No authorization response (a code, or an error the client would act on) reaches the
    // client: the user sees Thalamus's own error page.
    const authorization = await fetch(authorizeUrl(server.url), { redirect: 'manual' });
    expect(authorization.headers.get('location') ?? '').not.toContain(MOBILE_APP.redirectUri);
    expect(authorization.status).toBe(503);
    expect(authorization.headers.get('retry-after')).toBe('5');
    expect(await authorization.text()).not.toMatch(/\n\s+at |prisma|ECONNRE/i);

    proxy.resume();
    await expect.poll(() => health(server.url), { timeout: 15_000 }).toEqual({ status: 200, database: 'ok' });
    await expect.poll(async () => (await tokenRequest(server.url, opaque)).status, { timeout: 10_000 }).toBe(200);
    expect((await tokenRequest(server.url, jwt)).status).toBe(200);
    const resumed = await fetch(authorizeUrl(server.url), { redirect: 'manual' });
    expect(resumed.status).toBe(303);
    expect(resumed.headers.get('location')).toMatch(/\/interaction\//);

    // The token issued before the outage survived it.
    const introspection = await fetch(`${server.url}/oauth/introspect`, {
      method: 'POST',
      headers: { Authorization: basicAuth(opaque.client_id, opaque.client_secret!) },
      body: new URLSearchParams({ token: issuedBefore }),
    });
    expect(await introspection.json()).toMatchObject({ active: true, client_id: opaque.client_id });
  });

  test('a database host that stops answering (packets dropped) fails requests within seconds, not never', async () => {
    test.setTimeout(60_000);
    const opaque = serviceClient('opaque');
    expect((await tokenRequest(server.url, opaque)).status).toBe(200);

    proxy.blackhole();
    // Every connection the server holds is gone, and new ones hang: without a connect
    // timeout each request would wait for as long as the outage lasts, piling up.
    const started = Date.now();
    await expectCleanFailure(await tokenRequest(server.url, opaque));
    expect(Date.now() - started).toBeLessThan(15_000);
    await expect.poll(() => health(server.url), { timeout: 10_000 }).toEqual({ status: 503, database: 'unavailable' });

    proxy.resume();
    await expect.poll(async () => (await tokenRequest(server.url, opaque)).status, { timeout: 20_000 }).toBe(200);
  });
});
