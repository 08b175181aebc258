import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { bearer } from '../support/admin-api';
import { createUser } from '../support/cli';
import { signIn } from '../support/http-sign-in';
import { scrape, total } from '../support/metrics';
import { requestToken } from '../support/token-request';
import { baseURL, syncClient } from '../support/test-env';
import { serverLogPath } from '../support/test-results';

// Operators watch Thalamus with Prometheus: /metrics, behind METRICS_TOKEN, counts
// requests, tokens and sign-ins; every protocol and admin API request is one JSON log
// line carrying its request ID.

test.describe('/metrics', () => {
  test('is refused without the bearer token, and with a wrong one', async ({ request }) => {
    const none = await request.get('/metrics');
    expect(none.status()).toBe(401);
    expect(none.headers()['www-authenticate']).toBe('Bearer realm="thalamus-metrics"');
    expect((await request.get('/metrics', { headers: bearer('not-the-metrics-token') })).status()).toBe(401);
  });

  test('counts a sign-in and token requests, by grant and outcome', async ({ request }) => {
    const before = await scrape(request);
    await signIn(baseURL, createUser());
    expect((await requestToken(request, syncClient, { grant_type: 'client_credentials', scope: 'directory:read' })).status()).toBe(200);
    expect((await requestToken(request, { ...syncClient, secret: 'wrong' }, { grant_type: 'client_credentials' })).status()).toBe(401);
    const after = await scrape(request);

    const moved = (name: string, labels: Record<string, string> = {}) => total(after, name, labels) - total(before, name, labels);
    expect(moved('thalamus_sign_ins_total', { outcome: 'succeeded' })).toBeGreaterThanOrEqual(1);
    expect(moved('thalamus_tokens_issued_total', { grant_type: 'authorization_code' })).toBeGreaterThanOrEqual(1);
    expect(moved('thalamus_tokens_issued_total', { grant_type: 'client_credentials', client_type: 'confidential' })).toBeGreaterThanOrEqual(1);
    expect(moved('thalamus_token_errors_total', { error: 'invalid_client' })).toBeGreaterThanOrEqual(1);
    expect(moved('thalamus_http_requests_total', { endpoint: '/oauth/token', status: '200' })).toBeGreaterThanOrEqual(2);
    expect(moved('thalamus_http_request_duration_seconds_count', { endpoint: '/oauth/token' })).toBeGreaterThanOrEqual(3);
    // A sign-in reads the user, writes the session, grant and code, and more: tens of statements.
    expect(moved('thalamus_db_statements_total')).toBeGreaterThanOrEqual(10);
    expect(total(after, 'thalamus_database_up')).toBe(1);
    expect(total(after, 'process_cpu_seconds_total')).toBeGreaterThan(0);
    // Labels are endpoint templates, never IDs.
    expect([...after.keys()].filter((key) => key.includes('usr_') || key.includes('thalamus_sync_client'))).toEqual([]);
  });
});

test('a request keeps the caller’s X-Request-Id, answers it, and logs one JSON line with it', async ({ request }) => {
  const id = `req-${Date.now()}`;
  const response = await request.get('/oauth/jwks', { headers: { 'X-Request-Id': id } });
  expect(response.headers()['x-request-id']).toBe(id);
  const generated = (await request.get('/api/clients', { headers: { 'X-Request-Id': 'not a valid id!' } })).headers()['x-request-id'];
  expect(generated).toMatch(/^[0-9a-f-]{36}$/);

  const serverLog = serverLogPath;
  test.skip(!existsSync(serverLog), 'the server log is written when the suite runs through scripts/test.mjs');
  await expect.poll(() => readFileSync(serverLog, 'utf8').includes(`"request_id":"${id}"`)).toBe(true);
  const line = readFileSync(serverLog, 'utf8')
    .split('\n')
    .find((l) => l.includes(`"request_id":"${id}"`))!;
  expect(JSON.parse(line)).toEqual({
    time: expect.any(String),
    level: 'info',
    message: 'request',
    request_id: id,
    method: 'GET',
    path: '/oauth/jwks',
    status: 200,
    duration_ms: expect.any(Number),
  });
});
