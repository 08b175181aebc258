import type { Page, Request } from '@playwright/test';
import type * as oidc from 'openid-client';
import { beginSignIn, type SignInStart } from '../../examples/relying-party';

/**
 * The browser side of "Log in with Thalamus": the test plays the application. Its
 * redirect URI has no server behind it; the test reads the URL the browser is sent
 * to (Playwright cannot intercept a redirect, but it reports the request).
 */
export interface BrowserSignIn {
  start: SignInStart;
  /** The URL Thalamus redirected the browser to, with `code` (or `error`), `state` and `iss`. */
  callback: Promise<URL>;
}

export function expectCallback(page: Page, redirectUri: string): Promise<URL> {
  return new Promise((resolve) => {
    const onRequest = (request: Request) => {
      if (!request.url().startsWith(redirectUri)) return;
      page.off('request', onRequest);
      resolve(new URL(request.url()));
    };
    page.on('request', onRequest);
  });
}

/** Sends the browser to the authorization endpoint, as the application's "Log in" button would. */
export async function beginBrowserSignIn(
  page: Page,
  config: oidc.Configuration,
  redirectUri: string,
  scope?: string,
  extra?: Record<string, string>,
): Promise<BrowserSignIn> {
  const start = await beginSignIn(config, redirectUri, scope, extra);
  const callback = expectCallback(page, redirectUri);
  await page.goto(start.url.href).catch((error: unknown) => {
    // With single sign-on the browser goes straight on to the redirect URI, where nothing listens.
    if (!/net::ERR_/.test(String(error))) throw error;
  });
  return { start, callback };
}
