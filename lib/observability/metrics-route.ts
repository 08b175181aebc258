import { timingSafeEqual } from 'node:crypto';
import { env } from '@/lib/config/env';
import { getDb } from '@/lib/db/client';
import { metrics } from './metrics';

const MAIL_STATUSES = ['queued', 'sent', 'failed'];

/**
 * GET /metrics for Prometheus. It exists only when METRICS_TOKEN is set (404 otherwise,
 * so a public listener shows nothing), and answers 401 unless that token is sent as a
 * bearer token (RFC 6750 §2.1): the figures describe the installation's traffic.
 */
export async function metricsResponse(request: Request): Promise<Response> {
  const token = env().METRICS_TOKEN;
  if (!token) return new Response('Not Found\n', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  if (!presents(request, token)) {
    return new Response('Send METRICS_TOKEN as Authorization: Bearer <token>\n', {
      status: 401,
      headers: { 'Content-Type': 'text/plain; charset=utf-8', 'WWW-Authenticate': 'Bearer realm="thalamus-metrics"', 'Cache-Control': 'no-store' },
    });
  }
  const m = metrics();
  await sampleDatabase(m);
  return new Response(await m.registry.metrics(), { headers: { 'Content-Type': m.registry.contentType, 'Cache-Control': 'no-store' } });
}

function presents(request: Request, token: string): boolean {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get('authorization') ?? '');
  if (!match) return false;
  const given = Buffer.from(match[1]!);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The gauges read at scrape time: is the database up, how fast, and how full the mail queue is. */
async function sampleDatabase(m: ReturnType<typeof metrics>): Promise<void> {
  const started = performance.now();
  try {
    const db = await getDb();
    await db.$queryRawUnsafe('SELECT 1');
    m.databasePing.set((performance.now() - started) / 1000);
    m.databaseUp.set(1);
    const counts = await db.mailMessage.groupBy({ by: ['status'], _count: { _all: true } });
    for (const status of MAIL_STATUSES) m.mailQueue.set({ status }, counts.find((c) => c.status === status)?._count._all ?? 0);
  } catch {
    m.databaseUp.set(0);
    m.serverErrors.inc({ source: 'database' });
  }
}
