import type { Page } from '@playwright/test';
import type * as oidc from 'openid-client';
import { discover, type SignInStart } from '../../examples/relying-party';
import { createUser, type TestUser } from './cli';
import { beginBrowserSignIn } from './relying-party';
import { SignInPage } from './sign-in-page';
import { baseURL } from './test-env';

/**
 * The Thalamus Desktop Agent, the default public native client most sign-in tests play:
 * its loopback redirect, where nothing listens (any port is accepted, RFC 8252 §7.3).
 */
export const DESKTOP_AGENT = { clientId: 'thalamus-desktop-agent', redirectUri: 'http://127.0.0.1:53682/callback' };

/** Its authorization request as a path, with RFC 7636 Appendix B's S256 code challenge. */
export const desktopAuthorizePath = `/oauth/authorize?${new URLSearchParams({
  client_id: DESKTOP_AGENT.clientId,
  response_type: 'code',
  scope: 'openid',
  redirect_uri: DESKTOP_AGENT.redirectUri,
  code_challenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
  code_challenge_method: 'S256',
})}`;

export interface DesktopSignIn {
  config: oidc.Configuration;
  start: SignInStart;
  /** Where Thalamus sent the browser back to: the redirect URI with `code`, `state` and `iss`. */
  callback: URL;
}

/** A user (a new one unless given) signs in to the desktop agent on the hosted sign-in page in this browser. */
export async function desktopSignIn(page: Page, user: TestUser = createUser()): Promise<DesktopSignIn> {
  const config = await discover(baseURL, DESKTOP_AGENT.clientId);
  const { start, callback } = await beginBrowserSignIn(page, config, DESKTOP_AGENT.redirectUri);
  await new SignInPage(page).signIn(user);
  return { config, start, callback: await callback };
}
