import { createConnection, createServer, type Socket } from 'node:net';
import { once } from 'node:events';

/**
 * A TCP forwarder between a server and its database, for outage tests: `pause()` cuts
 * every open connection and resets new ones at once (as a database host that went
 * away and came back refusing would); `blackhole()` cuts them too but then accepts new
 * ones and never answers (a host that silently drops packets); `resume()` forwards again.
 */
export interface TcpProxy {
  port: number;
  pause(): void;
  blackhole(): void;
  resume(): void;
  close(): Promise<void>;
}

export async function startTcpProxy(listenPort: number, target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let paused: false | 'reset' | 'silent' = false;
  const server = createServer((client) => {
    if (paused === 'reset') client.destroy();
    if (paused === 'silent') {
      open.add(client);
      client.on('close', () => open.delete(client)).on('error', () => undefined);
    }
    if (paused) return;
    const upstream = createConnection(target);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      // A reset on one side ends the other; errors are the point of this helper, not a failure of it.
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream).pipe(client);
  });
  server.listen(listenPort, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: listenPort,
    pause() {
      paused = 'reset';
      for (const socket of open) socket.destroy();
    },
    blackhole() {
      paused = 'silent';
      for (const socket of open) socket.destroy();
    },
    resume() {
      paused = false;
      // Connections held by the black hole never worked; the server must open new ones.
      for (const socket of open) socket.destroy();
    },
    async close() {
      for (const socket of open) socket.destroy();
      server.close();
      await once(server, 'close');
    },
  };
}
