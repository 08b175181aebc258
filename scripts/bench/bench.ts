/**
 * `npm run bench`: Thalamus under load on this machine, with reference rows measured in
 * the same run (an empty route handler of the same build, and oidc-provider on its own),
 * so ratios hold on a noisy machine. Prints one table, checks the targets, and writes
 * bench/results/<time>.json. Loopback only; every run is bounded in time.
 *
 *   npm run bench                          # SQLite, and PostgreSQL if DATABASE_URL is a postgres:// URL
 *   BENCH_SECONDS=5 BENCH_SOAK_SECONDS=60 npm run bench   # a quicker pass
 */
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { buildIfStale, root } from '../build-if-stale.mjs';
import { createTestDatabase } from '../test-database.mjs';
import { load, processStats, type LoadResult } from './load';
import { openLoop } from './open-loop';
import { signIn } from '../../e2e/support/http-sign-in';
import { closedLoop, refresh } from './closed-loop';
import { cli, runScript, startServer, stop } from './server';
import { soak } from './soak';
import { checkTargets, type Row } from './targets';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SOAK_SECONDS = Number(process.env.BENCH_SOAK_SECONDS ?? 600);
const port = Number(process.env.BENCH_PORT ?? 3380);
const base = `http://127.0.0.1:${port}`;
const rows: Row[] = [];
const adminSecret = `thcs_bench-admin-${'x'.repeat(40)}`;
const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;
const form = { 'Content-Type': 'application/x-www-form-urlencoded' };

async function measured(database: string, scenario: string, pid: number, run: () => Promise<LoadResult>, note?: string): Promise<Row> {
  const before = processStats(pid);
  const result = await run();
  const after = processStats(pid);
  const cpuMsPerRequest = +(((after.cpuSeconds - before.cpuSeconds) * 1000) / Math.max(1, result.requests)).toFixed(2);
  const failed = result.non2xx + result.errors;
  const row: Row = { database, scenario, ...result, cpuMsPerRequest, peakRssMb: after.peakRssMb, note: failed ? `${failed} failed${note ? `; ${note}` : ''}` : note };
  rows.push(row);
  console.log(
    `${database.padEnd(10)} ${scenario.padEnd(44)} ${String(result.rps).padStart(7)}/s  p50 ${result.p50} ms  p99 ${result.p99} ms  CPU ${cpuMsPerRequest} ms${failed ? `  FAILED ${failed}` : ''}`,
  );
  return row;
}

/**
 * Two or more scenarios measured in alternating slices (A B A B A B), so that the
 * machine speeding up or slowing down during the run (it does, by up to half) affects
 * each alike and their ratio holds. Throughput and CPU are totals over the slices; p50
 * is the slices' median, p99 their worst.
 */
async function interleaved(database: string, pid: number, scenarios: { scenario: string; run: (seconds: number) => Promise<LoadResult> }[], rounds = 3): Promise<Row[]> {
  const totals = scenarios.map(() => ({ requests: 0, seconds: 0, cpuSeconds: 0, failed: 0, p50: [] as number[], p99: [] as number[] }));
  const slice = SECONDS / rounds;
  for (let round = 0; round < rounds; round++) {
    for (const [i, { run }] of scenarios.entries()) {
      const before = processStats(pid);
      const result = await run(slice);
      const after = processStats(pid);
      const t = totals[i]!;
      t.requests += result.requests;
      t.seconds += slice;
      t.cpuSeconds += after.cpuSeconds - before.cpuSeconds;
      t.failed += result.non2xx + result.errors;
      t.p50.push(result.p50);
      t.p99.push(result.p99);
    }
  }
  const peakRssMb = processStats(pid).peakRssMb;
  return scenarios.map(({ scenario }, i) => {
    const t = totals[i]!;
    const sorted = [...t.p50].sort((x, y) => x - y);
    const row: Row = {
      database,
      scenario,
      rps: Math.round((t.requests - t.failed) / t.seconds),
      p50: sorted[Math.floor(sorted.length / 2)]!,
      p99: Math.max(...t.p99),
      requests: t.requests,
      non2xx: t.failed,
      errors: 0,
      cpuMsPerRequest: +((t.cpuSeconds * 1000) / Math.max(1, t.requests)).toFixed(2),
      peakRssMb,
      note: `${rounds} alternating slices${t.failed ? `; ${t.failed} failed` : ''}`,
    };
    rows.push(row);
    console.log(
      `${database.padEnd(10)} ${scenario.padEnd(44)} ${String(row.rps).padStart(7)}/s  p50 ${row.p50} ms  p99 ${row.p99} ms  CPU ${row.cpuMsPerRequest} ms${t.failed ? `  FAILED ${t.failed}` : ''}`,
    );
    return row;
  });
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

    // Cold start on an existing database: process start to the first issued token.
    const { child, startedAt } = await startServer(env, port);
    const first = await fetch(`${base}/oauth/token`, {
      method: 'POST',
      headers: { Authorization: basic('thalamus_admin_client', adminSecret) },
      body: new URLSearchParams({ grant_type: 'client_credentials' }),
    });
    const coldStartMs = Math.round(performance.now() - startedAt);
    rows.push({ database: label, scenario: 'cold start to first token (existing database)', coldStartMs, note: `${coldStartMs} ms (HTTP ${first.status})` });
    const pid = child.pid!;

    // More than 100 clients (the provider's own client cache holds 100), half JWT, half opaque.
    const clients: { id: string; secret: string; format: string }[] = [];
    for (let i = 0; i < 120; i++) {
      const format = i % 2 ? 'opaque' : 'jwt';
      const response = await fetch(`${base}/api/clients`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: `bench ${i}`, grant_types: ['client_credentials'], scopes: ['directory:read'], access_token_format: format }),
      });
      const created = (await response.json()) as { client_id: string; client_secret: string };
      clients.push({ id: created.client_id, secret: created.client_secret, format });
    }
    const pick = (format: string) => {
      const pool = clients.filter((c) => c.format === format);
      let next = 0;
      return () => {
        const c = pool[next++ % pool.length]!;
        return { headers: { Authorization: basic(c.id, c.secret) } };
      };
    };
    // At a fixed rate the requests follow a schedule (open loop); otherwise as fast as the server answers.
    const tokenLoad = (format: string, seconds = SECONDS, rate?: number) => {
      const request = {
        url: `${base}/oauth/token`,
        method: 'POST' as const,
        headers: form,
        body: 'grant_type=client_credentials&scope=directory%3Aread',
        seconds,
        vary: pick(format),
      };
      return rate ? openLoop({ ...request, rate }) : load(request);
    };

    await load({ url: `${base}/api/ping`, seconds: 2 }); // warm up
    await tokenLoad('jwt', 2);
    // The target's ratio: the token endpoint against the empty route handler, side by side.
    const [, jwt] = await interleaved(label, pid, [
      { scenario: 'reference: empty route handler', run: (seconds) => load({ url: `${base}/api/ping`, seconds }) },
      { scenario: 'client_credentials, JWT ES256', run: (seconds) => tokenLoad('jwt', seconds) },
    ]);
    await measured(label, 'discovery', pid, () => load({ url: `${base}/.well-known/openid-configuration`, seconds: SECONDS }));
    await measured(label, 'JWKS', pid, () => load({ url: `${base}/oauth/jwks`, seconds: SECONDS }));
    await measured(label, 'client_credentials, opaque', pid, () => tokenLoad('opaque'));
    const half = Math.max(1, Math.round((jwt!.rps ?? 2) / 2));
    await measured(label, 'client_credentials, JWT, at half load', pid, () => tokenLoad('jwt', SECONDS, half), `${half} req/s offered`);
    const opaque = clients.find((c) => c.format === 'opaque')!;
    const issued = await fetch(`${base}/oauth/token`, {
      method: 'POST',
      headers: { Authorization: basic(opaque.id, opaque.secret) },
      body: new URLSearchParams({ grant_type: 'client_credentials' }),
    });
    const { access_token: token } = (await issued.json()) as { access_token: string };
    await measured(label, 'introspection', pid, () =>
      load({ url: `${base}/oauth/introspect`, method: 'POST', headers: { ...form, Authorization: basic(opaque.id, opaque.secret) }, body: `token=${token}`, seconds: SECONDS }),
    );
    let n = 0;
    await measured(label, 'admin API: create client', pid, () =>
      load({
        url: `${base}/api/clients`,
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        seconds: Math.min(SECONDS, 5),
        vary: () => ({ body: JSON.stringify({ name: `bench api ${n++}`, grant_types: ['client_credentials'], scopes: ['directory:read'] }) }),
      }),
    );
    await measured(
      label,
      'sign-in: authorization code + PKCE, full',
      pid,
      () => closedLoop(users.length, SECONDS, (w) => signIn(base, users[w]!)),
      'authorize, form, resume, code exchange',
    );
    const chains = await Promise.all(users.flatMap((u) => [u, u]).map((u) => signIn(base, u)));
    await measured(label, 'refresh with rotation', pid, () => closedLoop(chains.length, SECONDS, async (w) => (chains[w] = await refresh(base, chains[w]!))));
    await stop(child);

    if (SOAK_SECONDS > 0) {
      const [tokenSeconds, purgeSeconds] = [60, 30];
      const soaked = await startServer({ ...env, ACCESS_TOKEN_TTL: String(tokenSeconds), PURGE_INTERVAL_SECONDS: String(purgeSeconds) }, port);
      const result = await soak({
        databaseUrl: database.url,
        pid: soaked.child.pid!,
        seconds: SOAK_SECONDS,
        rate: half,
        tokenSeconds,
        purgeSeconds,
        run: (seconds) => tokenLoad('opaque', seconds, half),
      });
      rows.push({ database: label, scenario: `soak, opaque tokens at ${half}/s`, soak: result, peakRssMb: result.peakRssMb });
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
  await measured('memory', 'reference: oidc-provider alone, JWT', child.pid!, () =>
    load({ url: `http://127.0.0.1:${refPort}/token`, method: 'POST', headers: { Authorization: auth, ...form }, body: 'grant_type=client_credentials', seconds: SECONDS }),
  );
  await stop(child);
}

buildIfStale();
await providerAlone();
await benchDatabase('sqlite', undefined);
if (process.env.DATABASE_URL?.startsWith('postgres')) await benchDatabase('postgresql', process.env.DATABASE_URL);

console.log('\n| database | scenario | req/s | p50 ms | p99 ms | CPU ms/req | peak RSS MB | note |\n|---|---|---|---|---|---|---|---|');
for (const r of rows)
  console.log(`| ${r.database} | ${r.scenario} | ${r.rps ?? ''} | ${r.p50 ?? ''} | ${r.p99 ?? ''} | ${r.cpuMsPerRequest ?? ''} | ${r.peakRssMb ?? ''} | ${r.note ?? ''} |`);
const targets = checkTargets(rows);
console.log('\n| target | measured | |\n|---|---|---|');
for (const t of targets) console.log(`| ${t.target} | ${t.measured} | ${t.met ? 'met' : 'MISSED'} |`);
const dir = join(root, 'bench', 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(
  file,
  JSON.stringify({ machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version }, seconds: SECONDS, soakSeconds: SOAK_SECONDS, rows, targets }, null, 2),
);
console.log(`\nwrote ${file}`);
