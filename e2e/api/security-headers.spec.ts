import { expect, test, type APIRequestContext, type APIResponse } from '@playwright/test';
import { desktopAuthorizePath } from '../support/desktop-agent';

// Strict-Transport-Security whenever the browser reached Thalamus over TLS (RFC 6797),
// and a nonce-based Content-Security-Policy on every page Thalamus renders, so an
// injected script cannot run (CSP Level 3 §8.2 'strict-dynamic').

/** A fresh hosted sign-in page: its path, reached through the authorization endpoint. */
async function signInPage(request: APIRequestContext): Promise<string> {
  const response = await request.get(desktopAuthorizePath, { maxRedirects: 0 });
  expect(response.status()).toBe(303);
  return new URL(response.headers().location!, response.url()).pathname;
}

function headerValues(response: APIResponse, name: string): string[] {
  return response
    .headersArray()
    .filter((h) => h.name.toLowerCase() === name)
    .map((h) => h.value);
}

test('Strict-Transport-Security is sent on every kind of response behind TLS, and not over plain http', async ({ request }) => {
  const paths = ['/', '/console/sign-in', await signInPage(request), desktopAuthorizePath, '/.well-known/openid-configuration', '/api/health', '/api/clients', '/docs/api'];
  for (const path of paths) {
    const tls = await request.get(path, { headers: { 'X-Forwarded-Proto': 'https' }, maxRedirects: 0 });
    expect(headerValues(tls, 'strict-transport-security'), path).toEqual(['max-age=63072000']);
    const plain = await request.get(path, { maxRedirects: 0 });
    expect(headerValues(plain, 'strict-transport-security'), path).toEqual([]);
  }
  const token = await request.post('/oauth/token', { headers: { 'X-Forwarded-Proto': 'https' }, form: { grant_type: 'client_credentials' } });
  expect(headerValues(token, 'strict-transport-security')).toEqual(['max-age=63072000']);
});

const pages = {
  'the console': '/console/sign-in',
  'the hosted sign-in page': signInPage,
  'the landing page': '/',
  'a page that does not exist': '/console/no-such-page',
};

for (const [page, at] of Object.entries(pages)) {
  test(`${page} has a nonce-based Content-Security-Policy that every script carries`, async ({ request }) => {
    const path = typeof at === 'string' ? at : await at(request);
    const nonces: string[] = [];
    for (let i = 0; i < 2; i++) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status()).toBe(page === 'a page that does not exist' ? 404 : 200);
      const policies = headerValues(response, 'content-security-policy');
      expect(policies).toHaveLength(1);
      const directives = new Map(
        policies[0]!
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([name, ...values]) => [name!, values]),
      );
      const nonce = /^'nonce-([A-Za-z0-9+/_-]{22,}={0,2})'$/.exec(directives.get('script-src')?.find((v) => v.startsWith("'nonce-")) ?? '')?.[1];
      expect(nonce).toBeTruthy();
      expect(directives.get('script-src')).toEqual(["'self'", `'nonce-${nonce}'`, "'strict-dynamic'"]);
      expect(directives.get('default-src')).toEqual(["'self'"]);
      expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
      expect(directives.get('img-src')).toEqual(["'self'", 'data:']);
      expect(directives.get('object-src')).toEqual(["'none'"]);
      expect(directives.get('base-uri')).toEqual(["'none'"]);
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      // The hosted sign-in's plain form posts end in a redirect to the client's own site.
      expect(directives.get('form-action')).toEqual(page === 'the hosted sign-in page' ? undefined : ["'self'"]);

      const html = await response.text();
      const scripts = html.match(/<script\b[^>]*>/g) ?? [];
      expect(scripts.length).toBeGreaterThan(0);
      for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
      nonces.push(nonce!);
    }
    expect(nonces[0]).not.toBe(nonces[1]);
  });
}

test('JSON and protocol responses keep the plain policy: nothing to frame, no nonce to hand out', async ({ request }) => {
  for (const path of ['/.well-known/openid-configuration', '/api/health']) {
    const policies = headerValues(await request.get(path), 'content-security-policy');
    expect(policies, path).toHaveLength(1);
    expect(policies[0], path).toContain("frame-ancestors 'none'");
    expect(policies[0], path).not.toContain('nonce-');
  }
});
