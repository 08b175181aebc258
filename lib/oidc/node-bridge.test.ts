import { describe, expect, it } from 'vitest';
import { runNodeHandler } from './node-bridge';

const options = { protocol: 'https' as const, remoteAddress: '203.0.113.7' };

describe('runNodeHandler', () => {
  it('replays the body untouched and passes method, path, scheme and address', async () => {
    const response = await runNodeHandler(
      new Request('http://localhost/oauth/token?x=1', { method: 'POST', body: 'a=1&b=%20', headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      async (req, res) => {
        let body = '';
        for await (const chunk of req) body += chunk;
        const socket = req.socket as unknown as { encrypted: boolean; remoteAddress: string };
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ method: req.method, url: req.url, body, length: req.headers['content-length'], encrypted: socket.encrypted, ip: socket.remoteAddress }));
      },
      options,
    );
    expect(await response.json()).toEqual({ method: 'POST', url: '/oauth/token?x=1', body: 'a=1&b=%20', length: '9', encrypted: true, ip: '203.0.113.7' });
  });

  it('keeps several Set-Cookie headers separate and the status code', async () => {
    const response = await runNodeHandler(
      new Request('http://localhost/oauth/authorize'),
      (_req, res) => {
        res.statusCode = 303;
        res.setHeader('location', '/interaction/abc');
        res.setHeader('set-cookie', ['a=1; Path=/; HttpOnly', 'b=2; Path=/interaction; HttpOnly']);
        res.end();
      },
      options,
    );
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/interaction/abc');
    expect(response.headers.getSetCookie()).toEqual(['a=1; Path=/; HttpOnly', 'b=2; Path=/interaction; HttpOnly']);
  });

  it('collects a streamed body written in pieces', async () => {
    const response = await runNodeHandler(
      new Request('http://localhost/x'),
      (_req, res) => {
        res.write('hello, ');
        res.write(Buffer.from('world'));
        res.end();
      },
      options,
    );
    expect(await response.text()).toBe('hello, world');
  });

  it('hands over a complete request: reading it to the end is not an abort and leaves its socket alone', async () => {
    const seen = await new Promise<{ complete: boolean; aborted: boolean; socketDestroyed: boolean }>((resolve, reject) => {
      runNodeHandler(
        new Request('http://localhost/oauth/token', { method: 'POST', body: 'grant_type=client_credentials' }),
        (req, res) => {
          let aborted = false;
          req.on('aborted', () => (aborted = true));
          req.on('close', () => resolve({ complete: req.complete, aborted, socketDestroyed: req.socket.destroyed }));
          req.resume();
          res.end();
        },
        options,
      ).catch(reject);
    });
    expect(seen).toEqual({ complete: true, aborted: false, socketDestroyed: false });
  });
});
