import { createServer } from 'node:http';

/**
 * A relying party's back-channel logout endpoint on loopback (OIDC Back-Channel Logout
 * 1.0 §2.5): it records each logout token POSTed to it and answers with the next of
 * `answers` (then 204), so a test can make a delivery fail and watch it come again.
 */
export interface LogoutReceiver {
  uri: string;
  tokens: string[];
  close(): Promise<void>;
}

export async function startLogoutReceiver(answers: number[] = []): Promise<LogoutReceiver> {
  const tokens: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const token = new URLSearchParams(body).get('logout_token');
      if (req.method === 'POST' && req.headers['content-type'] === 'application/x-www-form-urlencoded' && token) tokens.push(token);
      res.writeHead(answers.shift() ?? 204, { 'cache-control': 'no-store' }).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    uri: `http://127.0.0.1:${port}/backchannel-logout`,
    tokens,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
