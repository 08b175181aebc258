import type { Metadata } from 'next';
import Link from 'next/link';
import { issuer } from '@/lib/config/env';
import { EXAMPLES, serviceEnvironment } from '@/lib/docs/integration-examples';
import { DEVICE_FLOW_EXAMPLE } from '@/lib/docs/device-flow-example';
import { CodeBlock } from '@/components/docs/code-block';
import { Toaster } from '@/components/console/toaster';

export const metadata: Metadata = { title: 'Integration guide' };
export const dynamic = 'force-dynamic';

const h2 = 'mt-10 mb-3 text-xl font-semibold tracking-tight';
const p = 'mb-3 text-slate-700 dark:text-slate-300';
const code = 'rounded bg-slate-100 px-1 py-0.5 font-mono text-sm dark:bg-slate-800';

const RESOURCE_SERVER_SNIPPET = `import { createRemoteJWKSet, jwtVerify } from 'jose';

const jwks = createRemoteJWKSet(new URL('ISSUER/oauth/jwks'));

// Throws unless the token is Thalamus's, for this API, unexpired.
const { payload } = await jwtVerify(token, jwks, {
  issuer: 'ISSUER',
  audience: 'https://billing.example.com',
  typ: 'at+jwt',
});
if (!String(payload.scope).split(' ').includes('invoices:read')) {
  // 403 insufficient_scope (RFC 6750 §3.1)
}`;

/** Public: how a service gets from nothing to signed-in users, with this server's URLs. */
export default function IntegrationGuidePage() {
  const base = issuer();
  return (
    <main className="mx-auto max-w-3xl px-6 py-12">
      <p className="text-sm font-semibold tracking-wide text-indigo-600 uppercase">Thalamus</p>
      <h1 className="mt-1 text-3xl font-bold tracking-tight">Integration guide</h1>
      <p className="mt-3 text-lg text-slate-600 dark:text-slate-300">
        Four steps take a service from nothing to users signing in with Thalamus at <span className={code}>{base}</span>.
      </p>

      <h2 className={h2}>0. Get an Admin API Key (once per service)</h2>
      <p className={p}>
        A super admin creates it in the console under <strong>Settings › API Keys</strong>, or on the server with{' '}
        <span className={code}>npx thalamus api-keys create --name my-service --scopes clients:read,clients:write</span>. The key (<span className={code}>thak_…</span>) is shown
        only once: put it in the service’s secrets manager.
      </p>

      <h2 className={h2}>1. Register the service as an OAuth client</h2>
      <p className={p}>
        <span className={code}>POST {base}/api/clients</span> with the key as a bearer token. The response carries the <span className={code}>client_id</span> and, this one time,
        the <span className={code}>client_secret</span>. Send an <span className={code}>Idempotency-Key</span> so a retried deploy gets the same client rather than a second one.
        Store:
      </p>
      <table className="mb-4 w-full text-left text-sm">
        <thead>
          <tr className="border-b border-slate-200 dark:border-slate-800">
            <th className="py-2 pr-4">Variable</th>
            <th className="py-2 pr-4">Value</th>
            <th className="py-2">Note</th>
          </tr>
        </thead>
        <tbody>
          {serviceEnvironment(base).map((v) => (
            <tr key={v.name} className="border-b border-slate-100 align-top dark:border-slate-800">
              <td className="py-2 pr-4 font-mono text-xs">{v.name}</td>
              <td className="py-2 pr-4 font-mono text-xs break-all">{v.value}</td>
              <td className="py-2 text-slate-600 dark:text-slate-400">{v.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className={p}>
        The client sends its secret the way it is registered to (<span className={code}>token_endpoint_auth_method</span>): <span className={code}>client_secret_basic</span>, the
        default, in the Authorization header (what most libraries do), or <span className={code}>client_secret_post</span>, <span className={code}>client_id</span> and{' '}
        <span className={code}>client_secret</span> in the form body (as many PHP and SaaS guides do). The other way is refused with{' '}
        <span className={code}>401 invalid_client</span>.
      </p>

      <h2 className={h2}>2. Configure the Authorization Code flow</h2>
      <p className={p}>
        Point an OpenID Connect library at the issuer <span className={code}>{base}</span> (it reads{' '}
        <Link className="underline" href="/.well-known/openid-configuration">
          /.well-known/openid-configuration
        </Link>
        ). Send users to <span className={code}>OAUTH2_AUTHORIZE_URL</span> with <span className={code}>response_type=code</span>, your <span className={code}>redirect_uri</span>,
        the scopes, a <span className={code}>state</span> and a PKCE <span className={code}>code_challenge</span> (S256). Keep the state and the code verifier in the user’s
        session.
      </p>
      <p className={p}>
        PKCE is required by default and always for public clients (RFC 9700 §2.1.1). A confidential server-side client that cannot send it is registered with{' '}
        <span className={code}>&quot;require_pkce&quot;: false</span> (or <strong>Require PKCE</strong> off in the console). Without a <span className={code}>scope</span> parameter
        a request gets the client’s registered scopes (RFC 6749 §3.3; <span className={code}>offline_access</span> only with <span className={code}>prompt=consent</span>), so a
        plain OAuth 2.0 request of <span className={code}>response_type</span>, <span className={code}>client_id</span> and <span className={code}>redirect_uri</span> works as many
        SaaS guides write it.
      </p>

      <h2 className={h2}>3. Users sign in</h2>
      <p className={p}>
        Thalamus shows its sign-in page (with two-step verification and consent where configured) and redirects back with a <span className={code}>code</span> and the{' '}
        <span className={code}>state</span>. Check the state, then exchange the code at <span className={code}>OAUTH2_TOKEN_URL</span> with the{' '}
        <span className={code}>code_verifier</span> and your client credentials for an ID token and an access token (and a refresh token with{' '}
        <span className={code}>offline_access</span>). The token, introspection, revocation and userinfo endpoints take the form body of RFC 6749 and, as a convenience, the same
        parameters as a flat JSON object (<span className={code}>Content-Type: application/json</span>, string values only).
      </p>

      <h2 className={h2}>Sign in from a CLI or a TV (device flow)</h2>
      <p className={p}>
        An app without a browser of its own uses the device authorization grant (RFC 8628). Register it as a <strong>native</strong>, <strong>public</strong> client with the{' '}
        <strong>Device Code</strong> grant (
        <span className={code}>&quot;grant_types&quot;: [&quot;urn:ietf:params:oauth:grant-type:device_code&quot;, &quot;refresh_token&quot;]</span>
        ). It asks <span className={code}>{base}/oauth/device/auth</span> for a code, shows the user the code and <span className={code}>{base}/oauth/device</span>, and polls the
        token endpoint every <span className={code}>interval</span> seconds: <span className={code}>authorization_pending</span> until the user has signed in and allowed it,{' '}
        <span className={code}>slow_down</span> if it polls faster, <span className={code}>access_denied</span> if the user cancels, <span className={code}>expired_token</span>{' '}
        after ten minutes. Codes are eight consonants such as <span className={code}>BCDF-GHJK</span>; case and the dash do not matter when typed. openid-client does the same with{' '}
        <span className={code}>initiateDeviceAuthorization</span> and <span className={code}>pollDeviceAuthorizationGrant</span>.
      </p>
      <CodeBlock code={DEVICE_FLOW_EXAMPLE.source} label={`Device flow ${DEVICE_FLOW_EXAMPLE.file}`} />

      <h2 className={h2}>Protect your own API</h2>
      <p className={p}>
        Register the API under <strong>Configuration › APIs</strong> (or <span className={code}>POST /api/resources</span>, or{' '}
        <span className={code}>npx thalamus resources create</span>) with an identifier such as <span className={code}>https://billing.example.com</span> and its scopes (
        <span className={code}>invoices:read</span>, with the description users see on the consent page). Grant clients those scopes. A token request or authorization request with{' '}
        <span className={code}>resource=https://billing.example.com</span> (RFC 8707), or from a client whose default API it is, gets an access token whose{' '}
        <span className={code}>aud</span> is that identifier and whose <span className={code}>scope</span> holds only that API&apos;s scopes the client was granted; refreshing
        keeps the API. An unknown identifier is <span className={code}>invalid_target</span>; a scope the client is not granted is <span className={code}>invalid_scope</span>;
        another API&apos;s scope is left out of the token.
      </p>
      <p className={p}>
        JWT access tokens (RFC 9068, <span className={code}>typ: at+jwt</span>) are checked by the API itself against <span className={code}>{base}/oauth/jwks</span>: signature,
        issuer <span className={code}>{base}</span>, audience, expiry and the scope the route needs. They stay valid until they expire, so keep their lifetime short. An API with
        opaque tokens asks <span className={code}>{base}/oauth/introspect</span> with its own client credentials: a confidential client whose default API is that API may read its
        tokens, and a revoked grant answers <span className={code}>active: false</span> at once. <span className={code}>examples/resource-server.ts</span> does both with{' '}
        <span className={code}>jose</span>:
      </p>
      <CodeBlock code={RESOURCE_SERVER_SNIPPET.replaceAll('ISSUER', base)} label="Verify a Thalamus access token with jose" />

      <h2 className={h2}>Examples</h2>
      <p className={p}>
        In each language, <strong>register</strong> registers a client and proves its credentials with a client credentials token (run it with{' '}
        <span className={code}>THALAMUS_URL={base}</span> and <span className={code}>THALAMUS_API_KEY</span> in the environment); <strong>callback</strong> is what the service does
        at its redirect URI: it reads the stored <span className={code}>OAUTH2_*</span> variables, the URL the user came back to (<span className={code}>CALLBACK_URL</span>) and
        the <span className={code}>CODE_VERIFIER</span> and <span className={code}>EXPECTED_STATE</span> it kept in the session. Thalamus’s tests run all of them against a real
        server.
      </p>
      {EXAMPLES.map((example) => (
        <section key={example.id} aria-label={example.title} className="mb-6">
          <h3 className="mb-2 font-semibold">{example.title}</h3>
          {[example.register, example.callback].map((script) => (
            <div key={script.file} className="mb-3">
              <p className="mb-1 font-mono text-xs text-slate-500">{script.file}</p>
              <CodeBlock code={script.source} label={`${example.title} ${script.file}`} />
            </div>
          ))}
        </section>
      ))}

      <p className={p}>
        The full API is described in the{' '}
        <Link className="underline" href="/docs/api">
          API reference
        </Link>{' '}
        (OpenAPI 3.1 at{' '}
        <Link className="underline" href="/api/openapi.json">
          /api/openapi.json
        </Link>
        ).
      </p>
      <Toaster />
    </main>
  );
}
