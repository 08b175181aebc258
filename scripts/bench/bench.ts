/**
 * `npm run bench`: Thalamus under load on this machine, with reference rows measured in
 * the same run (an empty route handler of the same build, and oidc-provider on its own),
 * so ratios hold on a noisy machine. Prints one table, checks the targets, and writes
 * bench/results/<time>.json. Loopback only; every run is bounded in time.
 *
 *   npm run bench                          # SQLite, and PostgreSQL if DATABASE_URL is a postgres:// URL
 *   BENCH_SECONDS=5 BENCH_SOAK_SECONDS=60 npm run bench   # a quicker pass
 *   BENCH_NODE=/path/to/node npm run bench # the server scenarios again on that Node, side by side
 *   npm run bench -- --compare bench/results/<earlier>.json   # and each row's change since then
 *   npm run bench -- --compare <earlier>.json <later>.json    # two saved runs, without running
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';
import { buildIfStale, root } from '../build-if-stale.mjs';
import { sqliteBinding } from '../node-runtime.mjs';
import { createTestDatabase } from '../test-database.mjs';
import { compareResults, readResults, type Results } from './compare';
import { load, type LoadResult } from './load';
import { interleaved, measured, rows, type Server } from './measure';
import { openLoop } from './open-loop';
import { signIn } from '../../e2e/support/http-sign-in';
import { closedLoop, refresh } from './closed-loop';
import { cli, runScript, startServer, stop, type Runtime } from './server';
import { soak } from './soak';
import { checkTargets, MANY_CLIENTS } from './targets';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 600);
const port = Number(process.env.BENCH_PORT ?? 3380);
const base = `http://127.0.0.1:${port}`;
const adminSecret = `thcs_bench-admin-${'x'.repeat(40)}`;
const metricsToken = randomBytes(24).toString('base64url');
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
type Credentials = { id: string; secret: string };

const compareAt = process.argv.indexOf('--compare');
const compareFiles = compareAt >= 0 ? process.argv.slice(compareAt + 1).filter((a) => !a.startsWith('--')) : [];
if (compareAt >= 0 && !compareFiles.length) throw new Error('--compare needs an earlier results file (bench/results/<time>.json)');

/** The Node versions the server scenarios run on: this one, and BENCH_NODE's if given. */
function runtimes(): Runtime[] {
  const own: Runtime = { node: process.version, binary: process.execPath, env: {} };
  const given = process.env.BENCH_NODE;
  if (!given) return [own];
  const other = given.includes('/') ? resolve(given) : given; // the server starts in the project's directory
  const version = spawnSync(other, ['-p', 'process.version + " " + process.versions.modules'], { encoding: 'utf8' });
  if (version.status !== 0) throw new Error(`BENCH_NODE=${other} does not run`);
  const [node, abi] = version.stdout.trim().split(' ');
  // A Node of another major needs its own better-sqlite3 build (scripts/node-runtime.mjs builds and caches one).
  const env: Record<string, string> = abi === process.versions.modules ? {} : { THALAMUS_SQLITE_BINDING: sqliteBinding(other) };
  return [own, { node: node!, binary: other, env }];
}

/** Where each client list's round robin stands: a load continues where the last one on that list stopped. */
const cursors = new WeakMap<Credentials[], number>();

/** A token load at a fixed rate (open loop) or as fast as the server answers, each request from the next client. */
function tokenLoad(clients: Credentials[], seconds: number, rate?: number): Promise<LoadResult> {
  const request = {
    url: `${base}/oauth/token`,
    method: 'POST' as const,
    headers: form,
    body: 'grant_type=client_credentials&scope=directory%3Aread',
    seconds,
    vary: () => {
      const next = cursors.get(clients) ?? 0;
      cursors.set(clients, next + 1);
      const c = clients[next % clients.length]!;
      return { headers: { Authorization: basic(c.id, c.secret) } };
    },
  };
  return rate ? openLoop({ ...request, rate }) : load(request);
}

/** The server scenarios on one runtime: cold start, protocol endpoints, the admin API, sign-in and refresh. */
async function serverScenarios(
  label: string,
  env: NodeJS.ProcessEnv,
  runtime: Runtime,
  key: string,
  users: { email: string; password: string }[],
  clients: (Credentials & { format: string })[],
) {
  // Cold start on an existing database: process start to the first issued token.
  const { child, startedAt } = await startServer({ ...env, ...runtime.env }, port, runtime.binary);
  const first = await fetch(`${base}/oauth/token`, {
    method: 'POST',
    headers: { Authorization: basic('thalamus_admin_client', adminSecret) },
    body: new URLSearchParams({ grant_type: 'client_credentials' }),
  });
  const coldStartMs = Math.round(performance.now() - startedAt);
  rows.push({ database: label, node: runtime.node, scenario: 'cold start to first token (existing database)', coldStartMs, note: `${coldStartMs} ms (HTTP ${first.status})` });
  const server: Server = { database: label, node: runtime.node, pid: child.pid!, base, metricsToken };

  // More than 100 clients (the provider's own client cache holds 100), half JWT, half opaque; registered once.
  for (let i = clients.length; i < 120; i++) {
    const format = i % 2 ? 'opaque' : 'jwt';
    const response = await fetch(`${base}/api/clients`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: `bench ${i}`, grant_types: ['client_credentials'], scopes: ['directory:read'], access_token_format: format }),
    });
    const created = (await response.json()) as { client_id: string; client_secret: string };
    clients.push({ id: created.client_id, secret: created.client_secret, format });
  }
  const jwtClients = clients.filter((c) => c.format === 'jwt');
  const opaqueClients = clients.filter((c) => c.format === 'opaque');

  await load({ url: `${base}/api/ping`, seconds: 2 }); // warm up
  await tokenLoad(jwtClients, 2);
  // The target's ratio: the token endpoint against the empty route handler, side by side.
  const [, jwt] = await interleaved(server, SECONDS, [
    { scenario: 'reference: empty route handler', run: (seconds) => load({ url: `${base}/api/ping`, seconds }) },
    { scenario: 'client_credentials, JWT ES256', run: (seconds) => tokenLoad(jwtClients, seconds) },
  ]);
  await measured(server, 'discovery', () => load({ url: `${base}/.well-known/openid-configuration`, seconds: SECONDS }));
  await measured(server, 'JWKS', () => load({ url: `${base}/oauth/jwks`, seconds: SECONDS }));
  await measured(server, 'client_credentials, opaque', () => tokenLoad(opaqueClients, SECONDS));
  const half = Math.max(1, Math.round((jwt!.rps ?? 2) / 2));
  await measured(server, 'client_credentials, JWT, at half load', () => tokenLoad(jwtClients, SECONDS, half), `${half} req/s offered`);
  const opaque = opaqueClients[0]!;
  const issued = await fetch(`${base}/oauth/token`, {
    method: 'POST',
    headers: { Authorization: basic(opaque.id, opaque.secret) },
    body: new URLSearchParams({ grant_type: 'client_credentials' }),
  });
  const { access_token: token } = (await issued.json()) as { access_token: string };
  await measured(server, 'introspection', () =>
    load({ url: `${base}/oauth/introspect`, method: 'POST', headers: { ...form, Authorization: basic(opaque.id, opaque.secret) }, body: `token=${token}`, seconds: SECONDS }),
  );
  let n = 0;
  await measured(server, 'admin API: create client', () =>
    load({
      url: `${base}/api/clients`,
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      seconds: Math.min(SECONDS, 5),
      vary: () => ({ body: JSON.stringify({ name: `bench api ${n++}`, grant_types: ['client_credentials'], scopes: ['directory:read'] }) }),
    }),
  );
  // One closed-loop "request" is one whole sign-in, so CPU ms/req and SQL/req are per sign-in.
  await measured(
    server,
    'sign-in: authorization code + PKCE, full',
    () => closedLoop(users.length, SECONDS, (w) => signIn(base, users[w]!)),
    'per sign-in: authorize, form, resume, code exchange',
  );
  const chains = await Promise.all(users.flatMap((u) => [u, u]).map((u) => signIn(base, u)));
  await measured(server, 'refresh with rotation', () => closedLoop(chains.length, SECONDS, async (w) => (chains[w] = await refresh(base, chains[w]!))));
  await stop(child);
  return half;
}

/**
 * Token requests round-robin over 10,000 clients, on a fresh server process so its peak
 * RSS is this scenario's, at full load and then at half of it. The round robin carries on
 * from one load to the next, so until it wraps (~10,000 requests) every request is for a
 * client this process has not seen: no cache holds it.
 */
async function manyClients(label: string, env: NodeJS.ProcessEnv, runtime: Runtime, clients: Credentials[]) {
  const { child } = await startServer({ ...env, ...runtime.env }, port, runtime.binary);
  const server: Server = { database: label, node: runtime.node, pid: child.pid!, base, metricsToken };
  await tokenLoad(clients, 2); // warm up
  const full = await measured(server, `client_credentials, JWT, ${MANY_CLIENTS} clients round-robin`, () => tokenLoad(clients, SECONDS));
  const half = Math.max(1, Math.round((full.rps ?? 2) / 2));
  await measured(server, `client_credentials, JWT, ${MANY_CLIENTS} clients, at half load`, () => tokenLoad(clients, SECONDS, half), `${half} req/s offered`);
  await stop(child);
}

async function benchDatabase(label: string, baseUrl: string | undefined) {
  const database = await createTestDatabase(baseUrl);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    APP_URL: base,
    THALAMUS_ADMIN_CLIENT_SECRET: adminSecret,
    ADMIN_EMAIL: 'bench@example.test',
    ADMIN_PASSWORD: 'bench-password-0123456789',
    METRICS_TOKEN: metricsToken,
    THALAMUS_LOG_LEVEL: 'warn',
  };
  try {
    await cli(env, 'setup');
    const { key } = JSON.parse(await cli(env, 'api-keys', 'create', '--name', 'bench', '--scopes', 'clients:read,clients:write', '--writes-per-minute', '10000', '--json')) as {
      key: string;
    };
    const users = await Promise.all(
      [0, 1, 2, 3].map(async (i) => {
        const user = { email: `bench-user-${i}@example.test`, password: `bench-user-password-${i}` };
        await cli(env, 'users', 'create', '--email', user.email, '--password', user.password, '--name', `Bench User ${i}`);
        return user;
      }),
    );

    const clients: (Credentials & { format: string })[] = [];
    const halves: number[] = [];
    for (const runtime of RUNTIMES) halves.push(await serverScenarios(label, env, runtime, key, users, clients));

    const many = (JSON.parse(await runScript(env, 'scripts/bench/many-clients.ts', '10000')) as [string, string][]).map(([id, secret]) => ({ id, secret }));
    for (const runtime of RUNTIMES) await manyClients(label, env, runtime, many);
    await runScript(env, 'scripts/bench/many-clients.ts', '--remove'); // the client list below makes its own 10,000

    if (SOAK_SECONDS > 0) {
      const [tokenSeconds, purgeSeconds] = [60, 30];
      const rate = halves[0]!;
      const opaqueClients = clients.filter((c) => c.format === 'opaque');
      const soaked = await startServer({ ...env, ACCESS_TOKEN_TTL: String(tokenSeconds), PURGE_INTERVAL_SECONDS: String(purgeSeconds) }, port);
      const result = await soak({
        databaseUrl: database.url,
        pid: soaked.child.pid!,
        seconds: SOAK_SECONDS,
        rate,
        tokenSeconds,
        purgeSeconds,
        run: (seconds) => tokenLoad(opaqueClients, seconds, rate),
      });
      rows.push({ database: label, node: process.version, scenario: `soak, opaque tokens at ${rate}/s`, soak: result, peakRssMb: result.peakRssMb });
      await stop(soaked.child);
    }

    const list = await runScript(env, 'scripts/measure-client-list.ts', '10000', '200');
    const p95 = (kind: string) => Number(new RegExp(`${kind}.*p95 ([\\d.]+) ms`).exec(list)?.[1]);
    rows.push({ database: label, scenario: 'console client list, search, 10k clients', listP95Ms: p95('searches'), note: list.split('\n')[0] });
    rows.push({ database: label, scenario: 'console client list, facets, 10k clients', listP95Ms: p95('faceted'), note: list.split('\n')[1] });
    console.log(`${label.padEnd(10)} ${list}`);
  } finally {
    await database.drop();
  }
}

async function providerAlone() {
  const refPort = port + 10;
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts/bench/provider-alone.ts'), String(refPort)], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
  await new Promise((resolve, reject) => {
    child.stdout!.once('data', resolve);
    child.once('exit', (code) => reject(new Error(`provider-alone exited with ${code} (is port ${refPort} free?)`)));
  });
  const auth = basic('bench', 'bench-secret-bench-secret-bench-secret');
  const server: Server = { database: 'memory', node: process.version, pid: child.pid!, base: `http://127.0.0.1:${refPort}` };
  await measured(server, 'reference: oidc-provider alone, JWT', () =>
    load({ url: `${server.base}/token`, method: 'POST', headers: { Authorization: auth, ...form }, body: 'grant_type=client_credentials', seconds: SECONDS }),
  );
  await stop(child);
}

if (compareFiles.length === 2) {
  // Two saved runs: only their comparison.
  for (const line of compareResults(readResults(compareFiles[0]!), readResults(compareFiles[1]!))) console.log(line);
  process.exit(0);
}
const earlier = compareFiles[0] ? readResults(compareFiles[0]) : undefined; // read first: a wrong path fails before the run, not after
const RUNTIMES = runtimes();
buildIfStale();
await providerAlone();
await benchDatabase('sqlite', undefined);
if (process.env.DATABASE_URL?.startsWith('postgres')) await benchDatabase('postgresql', process.env.DATABASE_URL);
// Rows measured in the bench's own process (the client list) ran on its own Node.
for (const row of rows) row.node ??= process.version;

console.log('\n| database | node | scenario | req/s | p50 ms | p99 ms | CPU ms/req | SQL/req | peak RSS MB | note |\n|---|---|---|---|---|---|---|---|---|---|');
for (const r of rows)
  console.log(
    `| ${r.database} | ${r.node ?? ''} | ${r.scenario} | ${r.rps ?? ''} | ${r.p50 ?? ''} | ${r.p99 ?? ''} | ${r.cpuMsPerRequest ?? ''} | ${r.statementsPerRequest ?? ''} | ${r.peakRssMb ?? ''} | ${r.note ?? ''} |`,
  );
const targets = checkTargets(rows);
console.log('\n| target | measured | |\n|---|---|---|');
for (const t of targets) console.log(`| ${t.target} | ${t.measured} | ${t.met ? 'met' : 'MISSED'} |`);
const results: Results & Record<string, unknown> = {
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
  nodes: RUNTIMES.map((r) => r.node),
  seconds: SECONDS,
  soakSeconds: SOAK_SECONDS,
  rows,
  targets,
};
if (earlier) {
  console.log(`\nchange since ${compareFiles[0]}:\n`);
  for (const line of compareResults(earlier, results)) console.log(line);
}
const dir = join(root, 'bench', 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify(results, null, 2));
console.log(`\nwrote ${file}`);
