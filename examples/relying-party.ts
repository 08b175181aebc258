/**
 * "Log in with Thalamus" in a few lines, with openid-client (a certified OpenID
 * Connect relying-party library). The end-to-end tests sign in through these same
 * functions.
 *
 * Run it against a local server with the Thalamus Desktop Agent (a public native
 * client with a loopback redirect, RFC 8252 §7.3):
 *
 *   npx tsx examples/relying-party.ts http://localhost:3000 thalamus-desktop-agent
 *
 * It prints a URL to open, waits for the redirect on 127.0.0.1, exchanges the code
 * (with PKCE) and prints the ID token claims and the userinfo response.
 */
import { createServer } from 'node:http';
import * as oidc from 'openid-client';

export interface SignInStart {
  url: URL;
  codeVerifier: string;
  state: string;
  nonce: string;
}

/** Discovers the server's endpoints; a secret makes it a confidential client (client_secret_basic). */
export async function discover(issuer: string, clientId: string, clientSecret?: string): Promise<oidc.Configuration> {
  const insecure = new URL(issuer).protocol === 'http:';
  return oidc.discovery(new URL(issuer), clientId, clientSecret, clientSecret ? oidc.ClientSecretBasic(clientSecret) : oidc.None(), {
    execute: insecure ? [oidc.allowInsecureRequests] : [],
  });
}

/** Step 1: where to send the user, with a fresh PKCE verifier (RFC 7636), state and nonce. */
export async function beginSignIn(config: oidc.Configuration, redirectUri: string, scope = 'openid profile email', extra: Record<string, string> = {}): Promise<SignInStart> {
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri,
    scope,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
    ...extra,
  });
  return { url, codeVerifier, state, nonce };
}

/** Step 2: the user is back at the redirect URI; exchange the code for tokens (the ID token is validated). */
export async function completeSignIn(config: oidc.Configuration, callbackUrl: string | URL, start: SignInStart) {
  return oidc.authorizationCodeGrant(config, new URL(callbackUrl), {
    pkceCodeVerifier: start.codeVerifier,
    expectedState: start.state,
    expectedNonce: start.nonce,
    idTokenExpected: true,
  });
}

async function main() {
  const [issuer = 'http://localhost:3000', clientId = 'thalamus-desktop-agent'] = process.argv.slice(2);
  const config = await discover(issuer, clientId);
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const redirectUri = `http://127.0.0.1:${port}/callback`;
  const start = await beginSignIn(config, redirectUri);
  console.log(`Open this URL in a browser to sign in:\n\n  ${start.url.href}\n`);
  const callback = await new Promise<string>((resolve) =>
    server.on('request', (req, res) => {
      res.end('Signed in. You can close this window.');
      resolve(`http://127.0.0.1:${port}${req.url}`);
    }),
  );
  server.close();
  const tokens = await completeSignIn(config, callback, start);
  console.log('ID token claims:', tokens.claims());
  console.log('userinfo:', await oidc.fetchUserInfo(config, tokens.access_token, tokens.claims()!.sub));
}

if (process.argv[1]?.endsWith('relying-party.ts')) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
