import { expect, test } from '@playwright/test';

test('GET /api/health reports the database and the keys', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/json');
  const report = await response.json();
  expect(report.status).toBe('ok');
  expect(report.database).toMatchObject({ status: 'ok', provider: process.env.DATABASE_URL?.startsWith('postgres') ? 'postgresql' : 'sqlite' });
  expect(report.keys.status).toBe('ok');
  expect(report.keys.signing.active).toBeGreaterThanOrEqual(2);
  expect(report.keys.cookie.active).toBe(1);
});
