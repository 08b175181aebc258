import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { createServer, type AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { createTestDatabase } from '../../scripts/test-database.mjs';

// `npm start` on a fresh installation prints secrets, then the server's banner: the last
// thing it says must be where to go. These run scripts/start.mjs as an operator does, on a
// free port and a throwaway database of the suite's kind (the suite has built the bundle already).

const READY_LINE = /^Thalamus is ready: .*$/m;

test.describe.configure({ timeout: 150_000 });

let started: NpmStart | undefined;
let database: Awaited<ReturnType<typeof createTestDatabase>>;

test.beforeEach(async () => {
  database = await createTestDatabase();
});

test.afterEach(async () => {
  await started?.stop();
  started = undefined;
  await database.drop();
});

test('a fresh install ends with the console URL on PORT and the first admin to sign in as, never a password', async ({ request }) => {
  const port = await freePort();
  const email = `first-admin-${randomBytes(4).toString('hex')}@example.test`;
  started = npmStart({ PORT: String(port), DATABASE_URL: database.url, ADMIN_EMAIL: email, APP_URL: undefined, ADMIN_PASSWORD: undefined });

  const line = await started.readyLine();
  expect(line).toBe(`Thalamus is ready: open http://localhost:${port}/console and sign in as ${email}`);
  const password = started.output().match(/Super admin password for \S+: (\S+)/)?.[1];
  expect(password, 'setup printed the generated password once, above').toBeTruthy();
  expect(line).not.toContain(password!);
  expect(started.output().indexOf(line)).toBeGreaterThan(started.output().indexOf('Store these now'));

  // The URL is the one the server serves: it leads to the console's sign-in page.
  const consolePage = await request.get(`http://localhost:${port}/console`);
  expect(consolePage.ok()).toBe(true);
  expect(consolePage.url()).toBe(`http://localhost:${port}/console/sign-in`);
});

test('an existing installation names its super admin from the database, and the console on APP_URL', async () => {
  const port = await freePort();
  const appUrl = `http://127.0.0.1:${port}`;
  const existing = `ops-${randomBytes(4).toString('hex')}@example.test`;
  setup({ ...process.env, DATABASE_URL: database.url, APP_URL: appUrl, ADMIN_EMAIL: existing });

  // ADMIN_EMAIL only names the first super admin; a later value creates nobody.
  started = npmStart({ PORT: String(port), DATABASE_URL: database.url, APP_URL: `${appUrl}/`, ADMIN_EMAIL: 'someone-else@example.test' });
  expect(await started.readyLine()).toBe(`Thalamus is ready: open ${appUrl}/console and sign in as ${existing}`);
});

// A command is done when its work is: nothing it started may keep the process waiting
// (the migration engine's lock timeout once held every setup on PostgreSQL for 10 s).
test('setup exits as soon as its work is done, on a fresh database and on one that is up to date', async () => {
  const env = { ...process.env, DATABASE_URL: database.url, ADMIN_EMAIL: `ops-${randomBytes(4).toString('hex')}@example.test` };
  for (const run of ['fresh', 'up to date']) {
    const began = performance.now();
    setup(env);
    expect(performance.now() - began, `setup on a ${run} database`).toBeLessThan(8_000);
  }
});

/** `thalamus setup` with this environment, as npm start runs it; fails the test if it fails. */
function setup(env: NodeJS.ProcessEnv): void {
  const run = spawnSync(process.execPath, ['bin/thalamus.mjs', 'setup'], { encoding: 'utf8', env, timeout: 60_000 });
  expect(run.status, run.stderr).toBe(0);
}

interface NpmStart {
  /** The ready line, once printed; fails if start exits first or takes too long. */
  readyLine(): Promise<string>;
  output(): string;
  stop(): Promise<void>;
}

/** `node scripts/start.mjs` with these variables set (undefined: unset), in its own process group. */
function npmStart(overrides: Record<string, string | undefined>): NpmStart {
  const env = { ...process.env, ...overrides };
  for (const [name, value] of Object.entries(overrides)) if (value === undefined) delete env[name];
  const child: ChildProcess = spawn(process.execPath, ['scripts/start.mjs'], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready line within 90 s:\n${output}`)), 90_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.match(READY_LINE)?.[0];
      if (line) {
        clearTimeout(timer);
        resolve(line);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited (${code}) before it was ready:\n${output}`));
    });
  });
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return {
    readyLine: () => ready,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      process.kill(-child.pid!, 'SIGTERM'); // start.mjs and the server it spawned
      const killAfter = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 15_000);
      await exited;
      clearTimeout(killAfter);
    },
  };
}

async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}
