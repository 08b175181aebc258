import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { nextStartArgs } from '../../scripts/next-start.mjs';

/**
 * A second `next start` of the same build against the same database, for tests that
 * restart the server or run several instances. It stops by itself when the test stops it.
 */
export interface ExtraServer {
  url: string;
  /** A graceful stop (SIGTERM). */
  stop(): Promise<void>;
  /** A crash: SIGKILL, no chance to finish requests, close the database or flush anything. */
  kill(): Promise<void>;
  /** What the server wrote to stderr so far (tests check it for stack traces). */
  stderr(): string;
}

/**
 * `env` overrides the test run's environment, e.g. DATABASE_URL for a server on a
 * restored copy, or APP_URL for instances that serve one issuer behind a load balancer
 * (by default each extra server is its own issuer, its own URL).
 */
export async function startExtraServer(port: number, env: Record<string, string> = {}): Promise<ExtraServer> {
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, nextStartArgs(port), {
    env: { ...process.env, APP_URL: url, ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited: ${stderr}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = once(child, 'exit');
    child.kill(name);
    await exited;
  };
  return { url, stop: () => signal('SIGTERM'), kill: () => signal('SIGKILL'), stderr: () => stderr };
}
