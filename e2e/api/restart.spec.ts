import { connect } from 'node:net';
import { once } from 'node:events';
import { expect, test } from '@playwright/test';
import { adminClient, basicAuth } from '../support/test-env';
import { startExtraServer } from '../support/extra-server';

test.describe('Restarting the server', () => {
  test('keeps the signing keys, the clients and every issued opaque token', async () => {
    test.setTimeout(90_000);
    const port = Number(process.env.THALAMUS_TEST_PORT ?? 3210) + 1;
    const auth = { Authorization: basicAuth(adminClient.id, adminClient.secret) };

    let server = await startExtraServer(port);
    const jwksBefore = await (await fetch(`${server.url}/oauth/jwks`)).json();
    const issued = await fetch(`${server.url}/oauth/token`, {
      method: 'POST',
      headers: auth,
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'clients:read' }),
    });
    expect(issued.status).toBe(200);
    const { access_token: token } = await issued.json();
    await server.stop();

    server = await startExtraServer(port);
    try {
      expect(await (await fetch(`${server.url}/oauth/jwks`)).json()).toEqual(jwksBefore);
      const introspection = await fetch(`${server.url}/oauth/introspect`, {
        method: 'POST',
        headers: auth,
        body: new URLSearchParams({ token }),
      });
      expect(await introspection.json()).toMatchObject({ active: true, client_id: adminClient.id, scope: 'clients:read' });
    } finally {
      await server.stop();
    }
  });

  // Docker and Kubernetes send SIGTERM and kill the process if it has not exited within
  // their grace period (10 and 30 s). A keep-alive connection must not hold it longer.
  test('stops within seconds on SIGTERM, answering the request in progress first, with a keep-alive client connected', async () => {
    const server = await startExtraServer(Number(process.env.THALAMUS_TEST_PORT ?? 3210) + 1);
    const socket = connect(Number(new URL(server.url).port), '127.0.0.1');
    await once(socket, 'connect');
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    // A request under way when the signal arrives: its headers are not finished yet.
    socket.write(`GET /api/ping HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n`);
    const signalled = performance.now();
    const stopped = server.stop();
    // The server has begun to close once it takes no new connections; then the request is finished.
    await expect.poll(() => refusesConnections(server.url), { intervals: [50] }).toBe(true);
    socket.write('\r\n');

    await stopped;
    expect(performance.now() - signalled).toBeLessThan(5_000);
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    socket.destroy();
  });
});

function refusesConnections(url: string): Promise<boolean> {
  const probe = connect(Number(new URL(url).port), '127.0.0.1');
  return new Promise((resolve) => {
    probe.once('connect', () => (probe.destroy(), resolve(false)));
    probe.once('error', () => resolve(true));
  });
}
