import { metricsResponse } from '@/lib/observability/metrics-route';

export const dynamic = 'force-dynamic';

/** GET /metrics: Prometheus text exposition format, behind METRICS_TOKEN (lib/observability/metrics-route.ts). */
export const GET = metricsResponse;
