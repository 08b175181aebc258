/**
 * `npm run bench`: Thalamus under load on this machine, with reference rows measured in
 * the same run (an empty route handler of the same build, and oidc-provider on its own),
 * so ratios hold on a noisy machine. Prints one table and writes bench/results/<time>.json.
 * Loopback only; every run is bounded in time.
 *
 *   npm run bench                 # SQLite, and PostgreSQL if DATABASE_URL is a postgres:// URL
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildIfStale, root } from '../build-if-stale.mjs';
import { createTestDatabase } from '../test-database.mjs';
import { load, processStats, type LoadResult } from './load';

interface Row extends Partial<LoadResult> {
  database: string;
  scenario: string;
  cpuMsPerRequest?: number;
  peakRssMb?: number;
  note?: string;
}

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const rows: Row[] = [];
const port = Number(process.env.BENCH_PORT ?? 3380);
const base = `http://127.0.0.1:${port}`;
const secret = (n: string) => `thcs_bench-${n}-${'x'.repeat(40)}`;

function cli(env: NodeJS.ProcessEnv, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin/thalamus.mjs'), ...args], { env, cwd: root });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => process.stderr.write(d));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`thalamus ${args.join(' ')} exited ${code}`))));
  });
}

async function startServer(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; startedAt: number }> {
  const startedAt = performance.now();
  const child = spawn(process.execPath, [join(root, 'node_modules/next/dist/bin/next'), 'start', '--port', String(port), '--keepAliveTimeout', '65000'], {
    env: { ...env, NODE_ENV: 'production' },
    cwd: root,
    stdio: 'ignore',
  });
  for (let i = 0; i < 300; i++) {
    try {
      if ((await fetch(`${base}/api/ping`)).ok) return { child, startedAt };
    } catch {
      // not up yet
    }
    await sleep(50);
  }
  throw new Error('server did not start');
}

async function stop(child: ChildProcess) {
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}

async function measured(database: string, scenario: string, pid: number, run: () => Promise<LoadResult>, note?: string) {
  const before = processStats(pid);
  const result = await run();
  const after = processStats(pid);
  const row: Row = { database, scenario, ...result, cpuMsPerRequest: +(((after.cpuSeconds - before.cpuSeconds) * 1000) / Math.max(1, result.requests)).toFixed(2), peakRssMb: after.peakRssMb, note };
  rows.push(row);
  console.log(`${database.padEnd(10)} ${scenario.padEnd(38)} ${String(result.rps).padStart(6)} req/s  p50 ${result.p50} ms  p99 ${result.p99} ms  non-2xx ${result.non2xx}`);
  return row;
}

async function benchDatabase(label: string, baseUrl: string | undefined) {
  const database = await createTestDatabase(baseUrl);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    APP_URL: base,
    THALAMUS_ADMIN_CLIENT_SECRET: secret('admin'),
    THALAMUS_SYNC_CLIENT_SECRET: secret('sync'),
    ADMIN_EMAIL: 'bench@example.test',
    ADMIN_PASSWORD: 'bench-password-0123456789',
    THALAMUS_LOG_LEVEL: 'warn',
  };
  try {
    await cli(env, 'setup');
    // More than 100 clients, so the provider's client cache cannot hide the adapter's cost.
    const clients: { id: string; secret: string; format: string }[] = [];
    for (let i = 0; i < 120; i++) {
      const format = i % 2 ? 'opaque' : 'jwt';
      const body = JSON.stringify({ name: `bench ${i}`, grant_types: ['client_credentials'], scopes: ['directory:read'], access_token_format: format });
      const created = JSON.parse(await cli(env, 'clients', 'create', '--data', body)) as { client: { client_id: string }; client_secret: string };
      clients.push({ id: created.client.client_id, secret: created.client_secret, format });
      if (i === 20) break; // each CLI call is a process start; the rest go through the admin API below
    }
    const { key } = JSON.parse(await cli(env, 'api-keys', 'create', '--name', 'bench', '--scopes', 'clients:read,clients:write', '--json')) as { key: string };

    const coldStart = performance.now();
    const { child } = await startServer(env);
    const pid = child.pid!;
    const basic = (c: { id: string; secret: string }) => `Basic ${Buffer.from(`${c.id}:${c.secret}`).toString('base64')}`;
    for (let i = clients.length; i < 120; i++) {
      const format = i % 2 ? 'opaque' : 'jwt';
      const response = await fetch(`${base}/api/clients`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: `bench ${i}`, grant_types: ['client_credentials'], scopes: ['directory:read'], access_token_format: format }),
      });
      const created = (await response.json()) as { client: { client_id: string }; client_secret: string };
      clients.push({ id: created.client.client_id, secret: created.client_secret, format });
    }
    const first = await fetch(`${base}/oauth/token`, { method: 'POST', headers: { Authorization: basic(clients[0]!) }, body: new URLSearchParams({ grant_type: 'client_credentials' }) });
    const coldMs = Math.round(performance.now() - coldStart);
    rows.push({ database: label, scenario: 'cold start to first token (ms)', note: `${coldMs} ms (${first.status})` });

    const form = { 'Content-Type': 'application/x-www-form-urlencoded' };
    const pick = (format: string) => {
      const pool = clients.filter((c) => c.format === format);
      let next = 0;
      return () => ({ headers: { Authorization: basic(pool[next++ % pool.length]!) } });
    };
    await load({ url: `${base}/api/ping`, seconds: 2 }); // warm up
    await measured(label, 'reference: empty route handler', pid, () => load({ url: `${base}/api/ping`, seconds: SECONDS }));
    await measured(label, 'discovery', pid, () => load({ url: `${base}/.well-known/openid-configuration`, seconds: SECONDS }));
    await measured(label, 'JWKS', pid, () => load({ url: `${base}/oauth/jwks`, seconds: SECONDS }));
    const tokenBody = 'grant_type=client_credentials&scope=directory%3Aread';
    const jwt = await measured(label, 'client_credentials, JWT ES256', pid, () =>
      load({ url: `${base}/oauth/token`, method: 'POST', headers: form, body: tokenBody, seconds: SECONDS, vary: pick('jwt') }),
    );
    await measured(label, 'client_credentials, opaque', pid, () =>
      load({ url: `${base}/oauth/token`, method: 'POST', headers: form, body: tokenBody, seconds: SECONDS, vary: pick('opaque') }),
    );
    await measured(label, `client_credentials at half load (${Math.round((jwt.rps ?? 2) / 2)}/s)`, pid, () =>
      load({ url: `${base}/oauth/token`, method: 'POST', headers: form, body: tokenBody, seconds: SECONDS, rate: Math.max(1, Math.round((jwt.rps ?? 2) / 2)), vary: pick('jwt') }),
    );
    const opaque = clients.find((c) => c.format === 'opaque')!;
    const token = ((await (await fetch(`${base}/oauth/token`, { method: 'POST', headers: { Authorization: basic(opaque) }, body: new URLSearchParams({ grant_type: 'client_credentials' }) })).json()) as { access_token: string }).access_token;
    await measured(label, 'introspection', pid, () =>
      load({ url: `${base}/oauth/introspect`, method: 'POST', headers: { ...form, Authorization: basic(opaque) }, body: `token=${token}`, seconds: SECONDS }),
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
    await stop(child);

    // Console list query with a search term over 10,000 clients, timed in process.
    const list = await new Promise<string>((resolve, reject) => {
      const run = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts/measure-client-list.ts'), '10000', '200'], { env, cwd: root });
      let out = '';
      run.stdout.on('data', (d: Buffer) => (out += d));
      run.on('exit', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error('list measurement failed'))));
    });
    rows.push({ database: label, scenario: 'console client list, search, 10k clients', note: list });
    console.log(`${label.padEnd(10)} ${list}`);
  } finally {
    await database.drop();
  }
}

async function providerAlone() {
  const refPort = port + 10;
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'scripts/bench/provider-alone.ts'), String(refPort)], { cwd: root, stdio: ['ignore', 'pipe', 'ignore'] });
  await new Promise((resolve) => child.stdout!.once('data', resolve));
  const auth = `Basic ${Buffer.from('bench:bench-secret-bench-secret-bench-secret').toString('base64')}`;
  await measured('memory', 'reference: oidc-provider alone, JWT', child.pid!, () =>
    load({ url: `http://127.0.0.1:${refPort}/token`, method: 'POST', headers: { Authorization: auth, 'Content-Type': 'application/x-www-form-urlencoded' }, body: 'grant_type=client_credentials', seconds: SECONDS }),
  );
  await stop(child);
}

buildIfStale();
await providerAlone();
await benchDatabase('sqlite', undefined);
if (process.env.DATABASE_URL?.startsWith('postgres')) await benchDatabase('postgresql', process.env.DATABASE_URL);

console.log('\n| database | scenario | req/s | p50 ms | p99 ms | CPU ms/req | peak RSS MB | note |\n|---|---|---|---|---|---|---|---|');
for (const r of rows) console.log(`| ${r.database} | ${r.scenario} | ${r.rps ?? ''} | ${r.p50 ?? ''} | ${r.p99 ?? ''} | ${r.cpuMsPerRequest ?? ''} | ${r.peakRssMb ?? ''} | ${r.note ?? ''} |`);
const dir = join(root, 'bench', 'results');
mkdirSync(dir, { recursive: true });
const file = join(dir, `${new Date().toISOString().replace(/[:.]/g, '-')}.json`);
writeFileSync(file, JSON.stringify({ machine: { cpus: (await import('node:os')).cpus().length, node: process.version }, seconds: SECONDS, rows }, null, 2));
console.log(`\nwrote ${file}`);
