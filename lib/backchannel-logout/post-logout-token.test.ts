import { createServer, type Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { postLogoutToken } from './post-logout-token';

const strict = { allowPrivate: false, timeoutMs: 1000 };
const local = { allowPrivate: true, timeoutMs: 300 };
let server: Server | undefined;

/** A real receiver on loopback that answers every POST with `status` (or never, for `hang`). */
async function receiver(status: number | 'hang'): Promise<{ uri: string; bodies: string[] }> {
  const bodies: string[] = [];
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      bodies.push(body);
      if (status !== 'hang') res.writeHead(status).end();
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { uri: `http://127.0.0.1:${port}/logout`, bodies };
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

describe('posting a logout token', () => {
  it('refuses http, and loopback or private addresses by address or by name, before connecting', async () => {
    await expect(postLogoutToken('http://rp.example.com/logout', 't', strict)).rejects.toMatchObject({ permanent: true, message: expect.stringMatching(/not https/) });
    await expect(postLogoutToken('https://127.0.0.1:9/logout', 't', strict)).rejects.toMatchObject({ permanent: true, message: expect.stringMatching(/private/) });
    await expect(postLogoutToken('https://[::1]:9/logout', 't', strict)).rejects.toMatchObject({ permanent: true, message: expect.stringMatching(/private/) });
    await expect(postLogoutToken('https://localhost:9/logout', 't', strict)).rejects.toMatchObject({
      permanent: true,
      message: expect.stringMatching(/resolves to the private address/),
    });
  });

  it('delivers the token as a form body where private addresses are allowed, and accepts 200 or 204', async () => {
    const { uri, bodies } = await receiver(204);
    await postLogoutToken(uri, 'eyJ.token', local);
    expect(bodies).toEqual(['logout_token=eyJ.token']);
  });

  it('reports a refusal and a timeout as failures to retry', async () => {
    const unavailable = await receiver(503);
    await expect(postLogoutToken(unavailable.uri, 't', local)).rejects.toMatchObject({ permanent: false, message: 'answered 503, expected 200 or 204' });
    await new Promise((resolve) => server!.close(resolve));
    server!.closeAllConnections();
    const silent = await receiver('hang');
    await expect(postLogoutToken(silent.uri, 't', local)).rejects.toMatchObject({ permanent: false, message: 'no answer within 300 ms' });
  });
});
