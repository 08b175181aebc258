/**
 * Sign-in over plain HTTP, as a browser without JavaScript drives the hosted pages:
 * used by the tests that need many sign-ins or exact timing (races), and by the
 * benchmark. Browser tests use the real browser instead (relying-party.ts).
 */
import { createHash, randomBytes } from 'node:crypto';

/** A cookie jar of one simulated browser. */
export class Browser {
  private cookies = new Map<string, string>();

  /** `origin`: where the browser believes it is, e.g. the load balancer's URL in front of several instances. */
  constructor(private readonly origin?: string) {}

  /** Sent with every request (e.g. a forged X-Forwarded-For). */
  defaultHeaders: Record<string, string> = {};

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers({ ...this.defaultHeaders, ...Object.fromEntries(new Headers(init.headers)) });
    // A browser names the page's origin on every POST; the hosted pages refuse one without it.
    if (init.method && init.method !== 'GET' && !headers.has('origin')) headers.set('origin', this.origin ?? new URL(url).origin);
    // A load balancer passes the public host on (Next.js checks a server action's Origin against it).
    if (this.origin) headers.set('x-forwarded-host', new URL(this.origin).host);
    if (this.cookies.size) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const response = await fetch(url, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      this.cookies.set(pair!.slice(0, at), pair!.slice(at + 1));
    }
    return response;
  }
}

function expectStatus(response: Response, status: number, step: string) {
  if (response.status !== status) throw new Error(`${step}: HTTP ${response.status}`);
}

const unescape = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');

export const MOBILE_APP = { clientId: 'thalamus-mobile-app', redirectUri: 'com.thalamus.mobile:/oauth/callback' };

/** A sign-in in progress: the browser that started it and the hosted page it was sent to. */
export interface PendingSignIn {
  browser: Browser;
  interaction: string;
  verifier: string;
  /** The state sent (absent when `options.params` leave it out). */
  state?: string;
}

/** The client a sign-in is for: by default the Thalamus Mobile App (public). */
export type SignInClient = { clientId: string; redirectUri: string };

export interface SignInOptions {
  /** How the simulated browser reaches the server: the public origin when `base` is one instance behind a load balancer. */
  origin?: string;
  /**
   * The authorization request's parameters besides client_id and redirect_uri, exactly as
   * sent (a plain OAuth 2.0 request, for instance). By default: response_type=code, scope
   * "openid profile", a PKCE S256 challenge of the returned verifier and a state.
   */
  params?: Record<string, string>;
}

/** Starts a sign-in (authorization code + PKCE S256 unless `options.params` say otherwise), by default of the Thalamus Mobile App. */
export async function startSignIn(base: string, client: SignInClient = MOBILE_APP, options: SignInOptions = {}): Promise<PendingSignIn> {
  const browser = new Browser(options.origin);
  const verifier = randomBytes(32).toString('base64url');
  const authorize = new URL(`${base}/oauth/authorize`);
  const params: Record<string, string> = {
    client_id: client.clientId,
    redirect_uri: client.redirectUri,
    ...(options.params ?? {
      response_type: 'code',
      scope: 'openid profile',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
      state: randomBytes(8).toString('hex'),
    }),
  };
  for (const [k, v] of Object.entries(params)) authorize.searchParams.set(k, v);
  const toInteraction = await browser.fetch(authorize.href);
  expectStatus(toInteraction, 303, 'authorize');
  return { browser, interaction: new URL(toInteraction.headers.get('location')!, base).href, verifier, state: params.state };
}

/**
 * Fills in and posts the hosted sign-in form (as a plain HTML form). A finished sign-in
 * answers 303 to the provider's resume endpoint (`continueAt`); otherwise the page comes
 * back with its message.
 */
export async function submitPassword(pending: PendingSignIn, user: { email: string; password: string }): Promise<{ html: string; continueAt?: string }> {
  const page = await pending.browser.fetch(pending.interaction);
  expectStatus(page, 200, 'sign-in page');
  const form = (await page.text()).split('<form')[1] ?? '';
  const body = new FormData();
  for (const [, name, value] of form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)) body.append(name!, unescape(value ?? ''));
  body.append('email', user.email);
  body.append('password', user.password);
  const posted = await pending.browser.fetch(pending.interaction, { method: 'POST', body });
  if (posted.status === 303) return { html: '', continueAt: posted.headers.get('location')! };
  expectStatus(posted, 200, 'sign-in form');
  return { html: await posted.text() };
}

/**
 * A sign-in up to the callback: start, the sign-in form, resume. Returns the
 * authorization code, the PKCE verifier that redeems it, the state sent and the URL the
 * user is sent back to (code, state and iss in its query).
 */
export async function authorize(
  base: string,
  user: { email: string; password: string },
  client: SignInClient = MOBILE_APP,
  options: SignInOptions = {},
): Promise<{ code: string; verifier: string; state?: string; callback: URL }> {
  const pending = await startSignIn(base, client, options);
  const { browser, verifier, state } = pending;
  const { redirectUri } = client;
  const { html, continueAt } = await submitPassword(pending, user);
  // The form's own message says why (wrong password, or throttled: "Too many sign-in attempts").
  if (!continueAt) throw new Error(`sign-in form: no continuation (${/Too many [^"\\<]*/.exec(html)?.[0] ?? 'wrong password?'})`);

  let location = continueAt;
  for (let hop = 0; hop < 5 && !location.startsWith(redirectUri); hop++) {
    const step = await browser.fetch(new URL(location, base).href);
    if (step.status !== 302 && step.status !== 303) throw new Error(`resume: HTTP ${step.status}`);
    location = step.headers.get('location')!;
  }
  const callback = new URL(location);
  const code = callback.searchParams.get('code');
  if (!code) throw new Error(`callback without a code: ${location}`);
  return { code, verifier, state, callback };
}

/** The code exchange (RFC 6749 §4.1.3, with the PKCE verifier of RFC 7636 §4.5). */
export function redeem(base: string, grant: { code: string; verifier: string }): Promise<Response> {
  return fetch(`${base}/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code: grant.code,
      redirect_uri: MOBILE_APP.redirectUri,
      code_verifier: grant.verifier,
      client_id: MOBILE_APP.clientId,
    }),
  });
}

/** A complete sign-in: authorize, then redeem the code. Returns the refresh token. */
export async function signIn(base: string, user: { email: string; password: string }): Promise<string> {
  const token = await redeem(base, await authorize(base, user));
  expectStatus(token, 200, 'code exchange');
  return ((await token.json()) as { refresh_token: string }).refresh_token;
}

/** Redeems a refresh token (RFC 6749 §6); with rotation the answer carries its successor. */
export function refreshWith(base: string, refreshToken: string): Promise<Response> {
  return fetch(`${base}/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: MOBILE_APP.clientId }),
  });
}
