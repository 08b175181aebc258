import { afterEach, describe, expect, it } from 'vitest';
import { resetEnvCache } from '@/lib/config/env';
import { metricsResponse } from './metrics-route';

afterEach(() => {
  delete process.env.METRICS_TOKEN;
  resetEnvCache();
});

describe('GET /metrics', () => {
  it('does not exist without METRICS_TOKEN', async () => {
    delete process.env.METRICS_TOKEN;
    resetEnvCache();
    expect((await metricsResponse(new Request('http://localhost/metrics', { headers: { Authorization: 'Bearer anything-at-all-here' } }))).status).toBe(404);
  });

  it('answers the token holder in the Prometheus text format, and nobody else', async () => {
    process.env.METRICS_TOKEN = 'a-metrics-token-for-tests';
    resetEnvCache();
    expect((await metricsResponse(new Request('http://localhost/metrics', { headers: { Authorization: 'Bearer a-metrics-token-for-test' } }))).status).toBe(401);
    const scraped = await metricsResponse(new Request('http://localhost/metrics', { headers: { Authorization: 'Bearer a-metrics-token-for-tests' } }));
    expect(scraped.status).toBe(200);
    expect(await scraped.text()).toContain('# TYPE thalamus_http_requests_total counter');
  });
});
