// `npm start`: build if needed, apply migrations and provision defaults
// (`thalamus setup`), then serve with `next start` on PORT (default 3000).
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { buildIfStale, root } from './build-if-stale.mjs';
import { heapMegabytes, nextStartArgs } from './next-start.mjs';

heapMegabytes(); // a bad THALAMUS_HEAP_MB stops here, before anything else
buildIfStale();

const setup = spawnSync(process.execPath, [join(root, 'bin/thalamus.mjs'), 'setup'], { cwd: root, stdio: 'inherit' });
if (setup.status !== 0) process.exit(setup.status ?? 1);

const port = process.env.PORT || '3000';
const server = spawn(process.execPath, nextStartArgs(port), {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, NODE_ENV: 'production' },
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
