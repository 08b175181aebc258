import { expect, test } from '@playwright/test';
import { desktopAuthorizePath } from '../support/desktop-agent';

// Session and interaction cookies are HttpOnly and SameSite=Lax always, and Secure
// whenever the browser reached Thalamus over TLS (a proxy says so with X-Forwarded-Proto).

async function cookiesFor(request: import('@playwright/test').APIRequestContext, proto: 'http' | 'https') {
  const response = await request.get(desktopAuthorizePath, { headers: { 'X-Forwarded-Proto': proto }, maxRedirects: 0 });
  expect(response.status()).toBe(303);
  return response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === 'set-cookie')
    .map((h) => h.value);
}

test('provider cookies are HttpOnly and SameSite=Lax, and Secure behind TLS', async ({ request }) => {
  const plain = await cookiesFor(request, 'http');
  expect(plain.length).toBeGreaterThan(0);
  for (const cookie of plain) {
    expect(cookie).toMatch(/; httponly/i);
    expect(cookie).toMatch(/; samesite=lax/i);
    expect(cookie).not.toMatch(/; secure/i);
  }
  const tls = await cookiesFor(request, 'https');
  expect(tls.length).toBeGreaterThan(0);
  for (const cookie of tls) expect(cookie).toMatch(/; secure/i);
});
