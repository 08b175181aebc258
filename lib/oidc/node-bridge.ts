import { IncomingMessage, ServerResponse, type OutgoingHttpHeaders } from 'node:http';
import { Socket } from 'node:net';

export type NodeHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface BridgeOptions {
  /** Path (and query) the Node handler should see; defaults to the request's own. */
  path?: string;
  /** Scheme the client used, for handlers that read `socket.encrypted` or X-Forwarded-Proto. */
  protocol: 'http' | 'https';
  /** Address of the client, for handlers that read `socket.remoteAddress`. */
  remoteAddress: string;
}

/**
 * Runs a Node-style (req, res) listener — here oidc-provider's Koa app — for a Web
 * `Request` in an App Router route handler, and returns its answer as a `Response`.
 *
 * The body is buffered once and replayed as the request stream, untouched, because
 * the provider parses (and size-limits) it itself. The socket is a bare, unconnected
 * one: it only carries the scheme and address Koa asks it for. Multiple Set-Cookie
 * headers stay separate.
 */
export async function runNodeHandler(request: Request, handler: NodeHandler, options: BridgeOptions): Promise<Response> {
  const url = new URL(request.url);
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : Buffer.from(await request.arrayBuffer());
  const { req, res } = createNodeExchange(request.method, options.path ?? `${url.pathname}${url.search}`, request.headers, body, options);
  return new Promise<Response>((resolve, reject) => {
    const chunks: Buffer[] = [];
    const collect = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function') return;
      chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8'));
    };
    res.write = ((chunk: unknown, encoding?: unknown, callback?: unknown) => {
      collect(chunk, encoding);
      const done = typeof encoding === 'function' ? encoding : callback;
      if (typeof done === 'function') done();
      return true;
    }) as ServerResponse['write'];
    res.end = ((chunk?: unknown, encoding?: unknown) => {
      collect(chunk, encoding);
      const status = res.statusCode;
      const noBody = status === 204 || status === 304 || request.method === 'HEAD';
      resolve(new Response(noBody ? null : Buffer.concat(chunks), { status, headers: toHeaders(res.getHeaders()) }));
      res.emit('finish');
      return res;
    }) as ServerResponse['end'];
    Promise.resolve(handler(req, res)).catch(reject);
  });
}

/**
 * A Node request (with its body already complete) and a response to go with it. Also
 * used on its own where the provider only needs to read the request's cookies.
 */
export function createNodeExchange(method: string, path: string, source: Headers, body: Buffer | undefined, options: Omit<BridgeOptions, 'path'>) {
  const socket = new Socket();
  Object.defineProperty(socket, 'remoteAddress', { value: options.remoteAddress });
  Object.defineProperty(socket, 'encrypted', { value: options.protocol === 'https' });

  const req = new IncomingMessage(socket);
  req.method = method;
  req.url = path;
  req.httpVersionMajor = 1;
  req.httpVersionMinor = 1;
  const headers: Record<string, string> = {};
  source.forEach((value, name) => {
    headers[name] = value;
  });
  headers['x-forwarded-proto'] = options.protocol;
  delete headers['transfer-encoding'];
  if (body) headers['content-length'] = String(body.length);
  req.headers = headers;
  if (body && body.length > 0) req.push(body);
  req.push(null);
  // The body is all there: a parsed request would be marked complete by the HTTP parser.
  // Left incomplete, the request counts as aborted once read (Node's IncomingMessage
  // _destroy), which destroys the socket and raises a premature-close error per request.
  req.complete = true;
  return { req, res: new ServerResponse(req) };
}

function toHeaders(outgoing: OutgoingHttpHeaders): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(outgoing)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const item of value) headers.append(name, item);
    else headers.set(name, String(value));
  }
  return headers;
}
