import http from 'node:http';
import { expect, test, type Page } from '@playwright/test';
import { ClientsPage } from '../support/console';
import { holdBackAction } from '../support/server-action';

// A console change is a few kilobytes. A body over 1 MB (the server actions' limit) is
// refused with 413 and the API's error shape before the action reads it, whether the
// request declares its length or streams it in chunks.

const LIMIT = 1024 * 1024;

/** The "Create Client" action as the console sends it, held back so the test can send its own body. */
async function createClientAction(page: Page) {
  const clients = new ClientsPage(page);
  await clients.open();
  await clients.startSyncConnector(`Body limit ${Date.now()}`);
  const action = await holdBackAction(page, '**/console/clients**', () => clients.dialog.getByRole('button', { name: 'Create Client' }).click());
  return { url: action.url, headers: { ...action.headers, 'content-type': 'text/plain;charset=UTF-8', origin: action.origin } };
}

test('an action body over 1 MB answers 413 with the error shape; one under it reaches the action', async ({ page }) => {
  const action = await createClientAction(page);
  const tooLarge = await page.request.post(action.url, { headers: action.headers, data: JSON.stringify(['x'.repeat(LIMIT), '']), maxRedirects: 0 });
  expect(tooLarge.status()).toBe(413);
  expect(await tooLarge.json()).toEqual({ error: 'payload_too_large', error_description: expect.stringContaining('1 MB'), fields: [] });

  const underLimit = await page.request.post(action.url, { headers: action.headers, data: JSON.stringify(['x'.repeat(900_000), '']), maxRedirects: 0 });
  expect(underLimit.status()).toBe(200);
  expect(await underLimit.text()).toContain('"ok":false'); // the action's own answer: the name is too long
});

test('an action body streamed in chunks is refused with 413 once it passes 1 MB', async ({ page }) => {
  const action = await createClientAction(page);
  const cookie = (await page.context().cookies(action.url)).map((c) => `${c.name}=${c.value}`).join('; ');
  // No Content-Length: node:http sends the body with Transfer-Encoding: chunked, on a connection of its own.
  const response = await new Promise<{ status: number; body: string }>((resolve, reject) => {
    const sent = http.request(action.url, { method: 'POST', headers: { ...action.headers, cookie }, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (text: string) => (body += text));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    sent.on('error', reject);
    const chunk = 'x'.repeat(64 * 1024);
    for (let size = 0; size <= 2 * LIMIT; size += chunk.length) sent.write(chunk);
    sent.end();
  });
  expect(response.status).toBe(413);
  expect(JSON.parse(response.body)).toMatchObject({ error: 'payload_too_large', fields: [] });
});
