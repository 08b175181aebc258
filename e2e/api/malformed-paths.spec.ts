import { existsSync, readFileSync, statSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { serverLogPath } from '../support/test-results';

// A path whose percent-escapes do not decode to UTF-8 (RFC 3986 §2.1, e.g. a lone
// "%ff") is bad input: it answers 400 in the shape the caller understands (the admin
// API's error object, the hosted error page) and leaves one line in the log, never a
// 500 or a stack trace with the server's file paths.

const serverLog = serverLogPath;
const logSize = () => (existsSync(serverLog) ? statSync(serverLog).size : 0);
const logSince = (offset: number) => readFileSync(serverLog).subarray(offset).toString('utf8');

test('admin API paths with malformed percent-encoding answer 400 invalid_request', async ({ request }) => {
  for (const path of ['/api/clients/%ff', '/api/clients/%ff/secret', '/api/api-keys/%E0%A4%A', '/api/auth/%c0']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    expect(await response.json(), path).toEqual({ error: 'invalid_request', error_description: expect.stringContaining('percent-encoding'), fields: [] });
  }
  const write = await request.post('/api/clients/%ff/secret', { data: {} });
  expect(write.status()).toBe(400);
});

test('hosted pages and protocol endpoints with malformed percent-encoding answer 400 with the error page', async ({ request }) => {
  for (const path of ['/interaction/%ff', '/oauth/authorize/%ff', '/oauth/%E0%A4%A']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    expect(response.headers()['content-type'], path).toMatch(/^text\/html/);
    expect(await response.text(), path).toContain('This address is not valid');
  }
  const posted = await request.post('/interaction/%ff', { form: { email: 'a@example.test' } });
  expect(posted.status()).toBe(400);
});

test('an unknown path under /oauth/ answers 404: the error page for a browser, a JSON error for a JSON client', async ({ request }) => {
  for (const path of ['/oauth/nowhere', '/oauth/token/extra/parts', '/oauth/userinfo2']) {
    const page = await request.get(path, { headers: { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(page.status(), path).toBe(404);
    expect(page.headers()['content-type'], path).toMatch(/^text\/html/);
    const html = await page.text();
    expect(html, path).toContain('There is nothing at this address');
    expect(html, path).toContain('<title>Page not found · Thalamus</title>');

    const json = await request.get(path, { headers: { Accept: 'application/json' } });
    expect(json.status(), path).toBe(404);
    expect(await json.json(), path).toEqual({ error: 'not_found', error_description: expect.any(String) });
  }
  // Real endpoints keep their own answers.
  expect((await request.get('/oauth/jwks')).status()).toBe(200);
  expect(await (await request.post('/oauth/token', { form: { grant_type: 'client_credentials' } })).json()).toMatchObject({ error: expect.stringMatching(/^invalid_/) });
});

test('a malformed path is logged in one line, without a stack trace', async ({ request }) => {
  test.skip(!existsSync(serverLog), 'the server log is written when the suite runs through scripts/test.mjs');
  const before = logSize();
  const marker = `%ff-${Date.now()}`;
  expect((await request.get(`/api/clients/${marker}`)).status()).toBe(400);
  expect((await request.get(`/interaction/${marker}`)).status()).toBe(400);
  await expect
    .poll(
      () =>
        logSince(before)
          .split('\n')
          .filter((line) => line.includes(marker)).length,
    )
    .toBe(2);
  const written = logSince(before);
  expect(written).not.toMatch(/^\s+at .+[/\\]/m); // a stack frame with a file path
  expect(written).not.toContain('URIError');
  for (const line of written.split('\n').filter((l) => l.includes(marker))) expect(JSON.parse(line)).toMatchObject({ level: 'warn', status: 400 });
});
