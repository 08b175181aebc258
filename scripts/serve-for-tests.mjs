// Playwright's web server: provision the throwaway database, then `next start`.
// Everything the server prints is also kept in <results>/server.log, which
// scripts/test.mjs searches for leaked secrets after the run.
import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { root } from './build-if-stale.mjs';
import { nextStartArgs, serverEnvironment } from './next-start.mjs';

const results = resolve(root, process.env.THALAMUS_TEST_RESULTS || 'test-results');
mkdirSync(results, { recursive: true });
const log = createWriteStream(join(results, 'server.log'), { flags: 'a' });
const setup = spawnSync(process.execPath, [join(root, 'bin/thalamus.mjs'), 'setup'], { cwd: root, encoding: 'utf8' });
log.write(setup.stdout ?? '');
log.write(setup.stderr ?? '');
process.stdout.write(setup.stdout ?? '');
process.stderr.write(setup.stderr ?? '');
if (setup.status !== 0) process.exit(setup.status ?? 1);

const server = spawn(process.execPath, nextStartArgs(process.env.THALAMUS_TEST_PORT ?? '3210'), {
  cwd: root,
  env: serverEnvironment(),
  stdio: ['ignore', 'pipe', 'pipe'],
});
server.stdout.on('data', (chunk) => {
  log.write(chunk);
  process.stdout.write(chunk);
});
server.stderr.on('data', (chunk) => {
  log.write(chunk);
  process.stderr.write(chunk);
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
