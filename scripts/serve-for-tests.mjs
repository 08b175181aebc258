// Playwright's web server: provision the throwaway database, then `next start`.
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { root } from './build-if-stale.mjs';

const setup = spawnSync(process.execPath, [join(root, 'bin/thalamus.mjs'), 'setup'], { cwd: root, stdio: 'inherit' });
if (setup.status !== 0) process.exit(setup.status ?? 1);
const server = spawn(process.execPath, [join(root, 'node_modules/next/dist/bin/next'), 'start', '--port', process.env.THALAMUS_TEST_PORT ?? '3210', '--keepAliveTimeout', '65000'], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
