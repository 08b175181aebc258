import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

/**
 * A second `next start` of the same build against the same database, for tests that
 * restart the server or run several instances. It stops by itself when the test stops it.
 */
export interface ExtraServer {
  url: string;
  stop(): Promise<void>;
}

/** `env` overrides the test run's environment, e.g. DATABASE_URL for a server on a restored copy. */
export async function startExtraServer(port: number, env: Record<string, string> = {}): Promise<ExtraServer> {
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, ['node_modules/next/dist/bin/next', 'start', '--port', String(port), '--keepAliveTimeout', '65000'], {
    env: { ...process.env, ...env, APP_URL: url, NODE_ENV: 'production' },
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
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    },
  };
}
