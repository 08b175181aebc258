import type { Frame, Page, Request } from '@playwright/test';
import type * as oidc from 'openid-client';
import { beginSignIn, discover, type SignInStart } from '../../examples/relying-party';
import { createClient, createUser } from './cli';
import { SignInPage } from './sign-in-page';
import { baseURL } from './test-env';

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
    let seen: URL | undefined;
    const onRequest = (request: Request) => {
      if (request.url().startsWith(redirectUri)) seen = new URL(request.url());
    };
    // Resolve only once the browser has settled on the (unreachable) page, so the
    // test's next navigation is not interrupted by this one.
    const onNavigated = (frame: Frame) => {
      if (!seen || frame !== page.mainFrame()) return;
      page.off('request', onRequest);
      page.off('framenavigated', onNavigated);
      resolve(seen);
    };
    page.on('request', onRequest);
    page.on('framenavigated', onNavigated);
  });
}

/** Sends the browser to the authorization endpoint, as the application's "Log in" button would. */
export async function beginBrowserSignIn(page: Page, config: oidc.Configuration, redirectUri: string, scope?: string, extra?: Record<string, string>): Promise<BrowserSignIn> {
  const start = await beginSignIn(config, redirectUri, scope, extra);
  const callback = expectCallback(page, redirectUri);
  await page.goto(start.url.href).catch((error: unknown) => {
    // With single sign-on the browser goes straight on to the redirect URI, where nothing listens.
    if (!/net::ERR_|interrupted by another navigation/.test(String(error))) throw error;
  });
  return { start, callback };
}

/**
 * A new user signs in to a new confidential web application that requires consent, asking
 * for `openid email`, and reaches the consent page. `callback` resolves once the user
 * chooses Allow or Deny there.
 */
export async function signInUpToConsent(page: Page, name: string, redirectUri: string): Promise<{ callback: Promise<URL> }> {
  const user = createUser();
  const { client_secret, ...client } = createClient({
    name,
    grant_types: ['authorization_code'],
    redirect_uris: [redirectUri],
    scopes: ['openid', 'email'],
    require_consent: true,
  });
  const config = await discover(baseURL, client.client_id, client_secret);
  const { callback } = await beginBrowserSignIn(page, config, redirectUri, 'openid email');
  await new SignInPage(page).signIn(user);
  return { callback };
}
