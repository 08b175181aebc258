import { checkHealth } from '@/lib/health/check-health';

export const dynamic = 'force-dynamic';

/** Liveness and readiness: 200 when the database answers and keys exist, else 503. */
export async function GET() {
  const report = await checkHealth();
  return Response.json(report, { status: report.status === 'ok' ? 200 : 503, headers: { 'Cache-Control': 'no-store' } });
}
