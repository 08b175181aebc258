/** The benchmark's server under test: the CLI, `next start` of the production build, and stopping it. */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { root } from '../build-if-stale.mjs';
import { nextStartArgs, serverEnvironment } from '../next-start.mjs';

export function cli(env: NodeJS.ProcessEnv, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(root, 'bin/thalamus.mjs'), ...args], { env, cwd: root });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d));
    child.stderr.on('data', (d: Buffer) => process.stderr.write(d));
    child.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`thalamus ${args.join(' ')} exited ${code}`))));
  });
}

/** A Node binary the server runs on: its version, path, and what its processes need in their environment. */
export interface Runtime {
  node: string;
  binary: string;
  env: Record<string, string>;
}

/** Starts `next start` on `node` and resolves once it answers; `startedAt` is when the process was spawned. */
export async function startServer(env: NodeJS.ProcessEnv, port: number, node = process.execPath): Promise<{ child: ChildProcess; startedAt: number }> {
  const startedAt = performance.now();
  const child = spawn(node, nextStartArgs(port), {
    // As `npm start` runs it (scripts/start.mjs), malloc settings included.
    env: { ...serverEnvironment(env), NODE_ENV: 'production' },
    cwd: root,
    stdio: 'ignore',
  });
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/ping`)).ok) return { child, startedAt };
    } catch {
      // not listening yet
    }
    await sleep(10);
  }
  throw new Error('server did not start');
}

export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  child.kill('SIGTERM');
  await new Promise((resolve) => child.once('exit', resolve));
}

/** One run of `npx tsx <script>` with arguments; resolves with its trimmed stdout. */
export function runScript(env: NodeJS.ProcessEnv, script: string, ...args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const run = spawn(process.execPath, ['--import', 'tsx', join(root, script), ...args], { env, cwd: root });
    let out = '';
    run.stdout.on('data', (d: Buffer) => (out += d));
    run.stderr.on('data', (d: Buffer) => process.stderr.write(d));
    run.on('exit', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`${script} exited ${code}`))));
  });
}
