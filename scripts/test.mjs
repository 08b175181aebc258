// `npm test`: the whole suite on a throwaway database. Unit tests (vitest) run first,
// then the end-to-end tests (Playwright: HTTP and Chromium) against a production build
// served by `next start`. DATABASE_URL=postgres://… runs it all on PostgreSQL.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildIfStale, root } from './build-if-stale.mjs';
import { createTestDatabase } from './test-database.mjs';

const only = process.argv[2]; // "unit" | "e2e" | undefined (both)
const passThrough = process.argv.slice(3); // extra arguments for the runner, e.g. a test file
// Where this run's reports, server log, mail and browser state go; two runs (SQLite and
// PostgreSQL, .ci/run) can go side by side with their own directories and ports.
const reports = resolve(root, process.env.THALAMUS_TEST_RESULTS || 'test-results');
mkdirSync(reports, { recursive: true });

if (only !== 'unit') buildIfStale();

const database = await createTestDatabase();
const env = {
  ...process.env,
  DATABASE_URL: database.url,
  THALAMUS_ADMIN_CLIENT_SECRET: `thcs_${randomBytes(32).toString('base64url')}`,
  THALAMUS_SYNC_CLIENT_SECRET: `thcs_${randomBytes(32).toString('base64url')}`,
  ADMIN_EMAIL: 'admin@example.test',
  ADMIN_PASSWORD: randomBytes(18).toString('base64url'),
  // Prometheus's bearer token for /metrics (e2e/api/metrics.spec.ts scrapes it).
  METRICS_TOKEN: randomBytes(24).toString('base64url'),
  THALAMUS_TEST_PORT: process.env.THALAMUS_TEST_PORT || '3210',
  THALAMUS_TEST_RESULTS: reports,
  APP_URL: `http://127.0.0.1:${process.env.THALAMUS_TEST_PORT || '3210'}`,
  NODE_ENV: 'production',
};
console.log(`test: ${database.provider} database ${database.provider === 'sqlite' ? database.url : database.url.replace(/\/\/[^@]*@/, '//')}`);

const run = (args) => spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env }).status ?? 1;
let status = run([join(root, 'bin/thalamus.mjs'), 'setup']);
if (status === 0 && only !== 'e2e') {
  status =
    run([join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${join(reports, 'unit.json')}`, ...passThrough]) ||
    status;
}
let e2eStatus = 0;
const serverLog = join(reports, 'server.log');
if (status === 0 && only !== 'unit') {
  rmSync(serverLog, { force: true });
  e2eStatus = run([join(root, 'node_modules/@playwright/test/cli.js'), 'test', ...passThrough]);
  e2eStatus ||= secretsInLog(serverLog);
}
await database.drop();

// One closing line with the totals of both runners.
let passed = 0;
let failed = 0;
const unit = join(reports, 'unit.json');
if (only !== 'e2e' && existsSync(unit)) {
  const report = JSON.parse(readFileSync(unit, 'utf8'));
  passed += report.numPassedTests;
  failed += report.numFailedTests;
}
const e2e = join(reports, 'e2e.json');
if (only !== 'unit' && existsSync(e2e)) {
  const { stats } = JSON.parse(readFileSync(e2e, 'utf8'));
  passed += stats.expected + stats.flaky;
  failed += stats.unexpected;
}
console.log(`\n${database.provider}: ${passed} passed, ${failed} failed`);
process.exit(status || e2eStatus);

function parses(line) {
  try {
    JSON.parse(line);
    return true;
  } catch {
    return false;
  }
}

/**
 * Nothing secret may reach a log: no client secret, API key or password, whatever the
 * tests did. Returns non-zero (and says what leaked) if the server's output holds one.
 */
function secretsInLog(file) {
  if (!existsSync(file)) return 0;
  const text = readFileSync(file, 'utf8');
  const leaks = [
    ['a client secret', /thcs_[\w-]{40,}/],
    ['an admin API key', /thak_[\w-]{30,}/],
    ['an emailed link token', /thlt_[\w-]{30,}/],
    ['a registration access token', /thrat_[\w-]{30,}/],
    ['the admin password', new RegExp(env.ADMIN_PASSWORD.replace(/[-]/g, '\\-'))],
    ['the metrics token', new RegExp(env.METRICS_TOKEN.replace(/[-]/g, '\\-'))],
    ['a signed token (JWT)', /eyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{20,}/],
    // e2e/support: createUser's passwords, and the ones people choose in the tests.
    ['a test user’s password', /pw-[\w-]{16}/],
    ['a chosen password', /new passphrase [0-9a-f]{12}/],
  ].filter(([, pattern]) => pattern.test(text));
  for (const [what] of leaks) console.error(`test: the server log contains ${what} (${file})`);
  // Thalamus's own lines are JSON, one object each (Next.js prints a few plain ones at start).
  const broken = text.split('\n').filter((line) => line.startsWith('{') && !parses(line));
  for (const line of broken.slice(0, 5)) console.error(`test: a log line is not JSON: ${line.slice(0, 200)}`);
  if (!leaks.length && !broken.length) console.log(`test: no secrets in the server log, every JSON line parses (${text.split('\n').length} lines checked)`);
  return leaks.length || broken.length ? 1 : 0;
}
