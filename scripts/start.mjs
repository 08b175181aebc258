// `npm start`: build if needed, apply migrations and provision defaults
// (`thalamus setup`), then serve with `next start` on PORT (default 3000), and once
// the server answers, say where to sign in.
import nextEnv from '@next/env';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildIfStale, root } from './build-if-stale.mjs';
import { heapMegabytes, nextStartArgs, serverEnvironment } from './next-start.mjs';

/** How long the server may take to answer /api/health before we say so instead. */
const READY_TIMEOUT_MS = 60_000;
const READY_POLL_MS = 250;

// PORT and APP_URL may come from .env, as they do for the server and the CLI.
nextEnv.loadEnvConfig(root, false, { info: () => {}, error: console.error });
heapMegabytes(); // a bad THALAMUS_HEAP_MB stops here, before anything else
buildIfStale();

const port = process.env.PORT || '3000';
// Without APP_URL the issuer defaults to port 3000; on another PORT the console could
// not sign anyone in, so the default follows the port actually served.
process.env.APP_URL ||= `http://localhost:${port}`;

// setup reports, over the IPC channel, the console URL and a super admin to sign in as
// (cli/commands/setup.ts, SignInHint); its own output (secrets shown once) goes to the terminal.
const setup = spawn(process.execPath, [join(root, 'bin/thalamus.mjs'), 'setup'], { cwd: root, stdio: ['inherit', 'inherit', 'inherit', 'ipc'] });
let hint;
setup.on('message', (message) => (hint = message));
const [setupCode] = await once(setup, 'close'); // after the IPC channel closed too, so its message has arrived
if (setupCode !== 0) process.exit(setupCode ?? 1);

const server = spawn(process.execPath, nextStartArgs(port), {
  cwd: root,
  stdio: 'inherit',
  env: { ...serverEnvironment(), NODE_ENV: 'production' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
if (hint) await announceWhenReady(hint);

/** Polls /api/health (readiness: the database answers, keys exist) until it says ok, for a bounded time. */
async function announceWhenReady({ consoleUrl, adminEmail }) {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline && server.exitCode === null) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(5_000) });
      if (response.ok) {
        console.log(`\nThalamus is ready: open ${consoleUrl}${adminEmail ? ` and sign in as ${adminEmail}` : ''}\n`);
        return;
      }
    } catch {
      // not listening yet
    }
    await sleep(READY_POLL_MS);
  }
  if (server.exitCode === null) console.error(`thalamus: the server did not answer http://127.0.0.1:${port}/api/health within ${READY_TIMEOUT_MS / 1000} s`);
}
