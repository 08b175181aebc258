/**
 * Multi-request flows for the benchmark, driven over HTTP as a browser without
 * JavaScript would drive them: each step depends on the one before, so they run as a
 * closed loop (each worker starts its next flow when the last one finishes).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { LoadResult } from './load';

/** A cookie jar of one simulated browser. */
class Browser {
  private cookies = new Map<string, string>();

  async fetch(url: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
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

const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/**
 * One complete sign-in of the Thalamus Mobile App (public client, authorization code +
 * PKCE S256): authorize, the hosted sign-in form (posted as a plain HTML form), resume,
 * callback with the code, and the code exchange. Returns the refresh token.
 */
export async function signIn(base: string, user: { email: string; password: string }): Promise<string> {
  const browser = new Browser();
  const verifier = randomBytes(32).toString('base64url');
  const redirectUri = 'com.thalamus.mobile:/oauth/callback';
  const authorize = new URL(`${base}/oauth/authorize`);
  const params = {
    client_id: 'thalamus-mobile-app',
    response_type: 'code',
    redirect_uri: redirectUri,
    scope: 'openid profile',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state: randomBytes(8).toString('hex'),
  };
  for (const [k, v] of Object.entries(params)) authorize.searchParams.set(k, v);

  const toInteraction = await browser.fetch(authorize.href);
  expectStatus(toInteraction, 303, 'authorize');
  const interaction = new URL(toInteraction.headers.get('location')!, base).href;
  const page = await browser.fetch(interaction);
  expectStatus(page, 200, 'sign-in page');
  const form = (await page.text()).split('<form')[1] ?? '';
  const body = new FormData();
  for (const [, name, value] of form.matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?\/>/g)) body.append(name!, unescape(value ?? ''));
  body.append('email', user.email);
  body.append('password', user.password);
  const posted = await browser.fetch(interaction, { method: 'POST', body });
  expectStatus(posted, 200, 'sign-in form');
  const resume = /redirectTo\\?"\s*:\s*\\?"([^"\\]+)/.exec(await posted.text())?.[1];
  if (!resume) throw new Error('sign-in form: no continuation (wrong password?)');

  let location = resume;
  for (let hop = 0; hop < 5 && !location.startsWith(redirectUri); hop++) {
    const step = await browser.fetch(new URL(location, base).href);
    if (step.status !== 302 && step.status !== 303) throw new Error(`resume: HTTP ${step.status}`);
    location = step.headers.get('location')!;
  }
  const code = new URL(location).searchParams.get('code');
  if (!code) throw new Error(`callback without a code: ${location}`);

  const token = await fetch(`${base}/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'authorization_code', code, redirect_uri: redirectUri, code_verifier: verifier, client_id: params.client_id }),
  });
  expectStatus(token, 200, 'code exchange');
  return ((await token.json()) as { refresh_token: string }).refresh_token;
}

/** Redeems a refresh token (rotation: the answer carries its successor). */
export async function refresh(base: string, refreshToken: string): Promise<string> {
  const response = await fetch(`${base}/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: refreshToken, client_id: 'thalamus-mobile-app' }),
  });
  expectStatus(response, 200, 'refresh');
  return ((await response.json()) as { refresh_token: string }).refresh_token;
}

/** Runs `flow` on `workers` workers for `seconds`; a flow counts once, however many requests it makes. */
export async function closedLoop(workers: number, seconds: number, flow: (worker: number) => Promise<unknown>): Promise<LoadResult> {
  const latencies: number[] = [];
  let failures = 0;
  let firstError: unknown;
  const started = performance.now();
  const end = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: workers }, async (_, worker) => {
      while (performance.now() < end) {
        const t = performance.now();
        try {
          await flow(worker);
          latencies.push(performance.now() - t);
        } catch (error) {
          failures++;
          firstError ??= error;
        }
      }
    }),
  );
  if (firstError) console.error(`  ${failures} failed flows; first: ${firstError instanceof Error ? firstError.message : String(firstError)}`);
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return { rps: +(latencies.length / elapsed).toFixed(1), p50: at(0.5), p99: at(0.99), requests: latencies.length, non2xx: failures, errors: 0 };
}
