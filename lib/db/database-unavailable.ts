/**
 * Whether an error means the database cannot be reached right now (refused, dropped or
 * timed-out connections, a server shutting down, a pool or lock that did not free up in
 * time) rather than a bug or bad data. Such a failure deserves "try again shortly"
 * (503), not "something is broken" (500). The driver's error is usually wrapped by
 * Prisma, so the whole `cause` chain is searched.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error, depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
    const { code, kind, message } = current as { code?: unknown; kind?: unknown; message?: unknown };
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    if (typeof kind === 'string' && UNAVAILABLE_KINDS.has(kind)) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

const UNAVAILABLE_CODES = new Set([
  // Node.js sockets and name resolution
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  // PostgreSQL SQLSTATE class 08 (connection exception), 57P01–57P03 (shutdown, cannot connect now), 53300 (too many connections)
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  // Prisma: cannot reach the server, timed out, server closed the connection, no pooled connection in time
  'P1001',
  'P1002',
  'P1008',
  'P1017',
  'P2024',
  // SQLite: another writer held the database past the busy timeout
  'SQLITE_BUSY',
]);

/** Prisma driver adapter error kinds (DriverAdapterError.cause.kind). */
const UNAVAILABLE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections']);

/** node-postgres reports some of these with a message only. */
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Can't reach database server|Connection refused|database is locked/i;
