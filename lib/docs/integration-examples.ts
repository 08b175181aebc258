import { oauthEndpoints } from './service-environment';

/**
 * The integration guide's examples, one source for the page and the tests that run
 * them. Each language has two scripts:
 * - `register`: registers the service through the admin API (step 1) and proves the
 *   credentials with a client_credentials token. Reads THALAMUS_URL and THALAMUS_API_KEY
 *   and prints the variables the service stores.
 * - `callback`: what the service does at its redirect URI (step 3): checks `state` and
 *   exchanges the code with the PKCE verifier for tokens. Reads the stored OAUTH2_*
 *   variables, the URL the user came back to (CALLBACK_URL) and what the service kept in
 *   the user's session when it sent them to sign in (CODE_VERIFIER, EXPECTED_STATE).
 */
export type ExampleId = 'curl' | 'node' | 'python' | 'php';

export interface ExampleScript {
  file: string;
  source: string;
}

export interface Example {
  id: ExampleId;
  title: string;
  language: string;
  register: ExampleScript;
  callback: ExampleScript;
}

/** What every example registers: a web service that signs users in and calls APIs itself. */
export const EXAMPLE_REGISTRATION = {
  name: 'My Service',
  description: 'Registered by its deploy script',
  grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
  redirect_uris: ['https://my-service.example.com/oauth/callback'],
  scopes: ['openid', 'profile', 'email', 'offline_access', 'clients:read'],
};

const registrationJson = JSON.stringify(EXAMPLE_REGISTRATION);

/** A JSON value written as a PHP array literal (short syntax). */
function phpLiteral(value: unknown, indent = ''): string {
  if (Array.isArray(value)) return `[${value.map((v) => phpLiteral(v, indent)).join(', ')}]`;
  if (value && typeof value === 'object') {
    const inner = `${indent}    `;
    const entries = Object.entries(value).map(([k, v]) => `${inner}'${k}' => ${phpLiteral(v, inner)},`);
    return `[\n${entries.join('\n')}\n${indent}]`;
  }
  return typeof value === 'string' ? `'${value.replace(/['\\]/g, '\\$&')}'` : JSON.stringify(value);
}

const curl: Example = {
  id: 'curl',
  title: 'curl',
  language: 'bash',
  register: {
    file: 'register.sh',
    source: `#!/usr/bin/env bash
set -euo pipefail
# Step 1: register the service (the response holds the client secret, once).
response=$(curl -sf -X POST "$THALAMUS_URL/api/clients" \\
  -H "Authorization: Bearer $THALAMUS_API_KEY" \\
  -H "Content-Type: application/json" \\
  -H "Idempotency-Key: my-service-v1" \\
  -d '${registrationJson}')
client_id=$(printf '%s' "$response" | sed -E 's/.*"client_id":"([^"]+)".*/\\1/')
client_secret=$(printf '%s' "$response" | sed -E 's/.*"client_secret":"([^"]+)".*/\\1/')
echo "OAUTH2_CLIENT_ID=$client_id"
echo "OAUTH2_CLIENT_SECRET=$client_secret"

# The credentials work: a client credentials token.
curl -sf -u "$client_id:$client_secret" -d grant_type=client_credentials -d scope=clients:read \\
  "$THALAMUS_URL/oauth/token" | grep -q access_token && echo "token ok"
`,
  },
  callback: {
    file: 'callback.sh',
    source: `#!/usr/bin/env bash
set -euo pipefail
# Step 3: the user is back at OAUTH2_REDIRECT_URI with ?code=…&state=… (CALLBACK_URL).
query=\${CALLBACK_URL#*\\?}
param() { printf '%s' "$query" | tr '&' '\\n' | sed -n "s/^$1=//p" | head -n 1; }
# The state must be the one kept in the user's session (CSRF protection, RFC 6749 §10.12).
[ "$(param state)" = "$EXPECTED_STATE" ] || { echo "state does not match" >&2; exit 1; }

tokens=$(curl -sf -u "$OAUTH2_CLIENT_ID:$OAUTH2_CLIENT_SECRET" \\
  --data-urlencode grant_type=authorization_code \\
  --data-urlencode "code=$(param code)" \\
  --data-urlencode "redirect_uri=$OAUTH2_REDIRECT_URI" \\
  --data-urlencode "code_verifier=$CODE_VERIFIER" \\
  "$OAUTH2_TOKEN_URL")
printf '%s' "$tokens" | grep -q '"id_token"' && echo "code exchange ok"
`,
  },
};

const node: Example = {
  id: 'node',
  title: 'Node.js (openid-client)',
  language: 'javascript',
  register: {
    file: 'register.mjs',
    source: `import * as oidc from 'openid-client';

const { THALAMUS_URL, THALAMUS_API_KEY } = process.env;

// Step 1: register the service.
const response = await fetch(\`\${THALAMUS_URL}/api/clients\`, {
  method: 'POST',
  headers: { Authorization: \`Bearer \${THALAMUS_API_KEY}\`, 'Content-Type': 'application/json', 'Idempotency-Key': 'my-service-v1' },
  body: JSON.stringify(${registrationJson}),
});
if (response.status !== 201) throw new Error(\`registration failed: \${response.status} \${await response.text()}\`);
const client = await response.json();
console.log(\`OAUTH2_CLIENT_ID=\${client.client_id}\`);
console.log(\`OAUTH2_CLIENT_SECRET=\${client.client_secret}\`);

// Step 2: the authorization code flow, configured from discovery. The client is
// registered for client_secret_basic: the secret goes in the Authorization header.
const options = new URL(THALAMUS_URL).protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {};
const config = await oidc.discovery(new URL(THALAMUS_URL), client.client_id, client.client_secret, oidc.ClientSecretBasic(client.client_secret), options);
const verifier = oidc.randomPKCECodeVerifier(); // keep it, and the state, in the user's session
const authorizeUrl = oidc.buildAuthorizationUrl(config, {
  redirect_uri: client.redirect_uris[0],
  scope: 'openid profile email',
  code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
  code_challenge_method: 'S256',
  state: oidc.randomState(),
});
console.log(\`Send users to: \${authorizeUrl.origin}\${authorizeUrl.pathname}?…\`);

// The credentials work: a client credentials token.
const tokens = await oidc.clientCredentialsGrant(config, { scope: 'clients:read' });
if (tokens.access_token) console.log('token ok');
`,
  },
  callback: {
    file: 'callback.mjs',
    source: `import * as oidc from 'openid-client';

const { THALAMUS_URL, OAUTH2_CLIENT_ID, OAUTH2_CLIENT_SECRET, CALLBACK_URL, CODE_VERIFIER, EXPECTED_STATE } = process.env;

const options = new URL(THALAMUS_URL).protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {};
const config = await oidc.discovery(new URL(THALAMUS_URL), OAUTH2_CLIENT_ID, OAUTH2_CLIENT_SECRET, oidc.ClientSecretBasic(OAUTH2_CLIENT_SECRET), options);

// Step 3: at the redirect URI, hand openid-client the URL the user came back to; it checks
// state and iss, exchanges the code with the verifier and validates the ID token.
const tokens = await oidc.authorizationCodeGrant(config, new URL(CALLBACK_URL), { pkceCodeVerifier: CODE_VERIFIER, expectedState: EXPECTED_STATE });
if (tokens.claims()?.sub) console.log('code exchange ok');
`,
  },
};

const python: Example = {
  id: 'python',
  title: 'Python (requests)',
  language: 'python',
  register: {
    file: 'register.py',
    source: `import os
import requests

base = os.environ["THALAMUS_URL"]
api_key = os.environ["THALAMUS_API_KEY"]

# Step 1: register the service.
response = requests.post(
    f"{base}/api/clients",
    headers={"Authorization": f"Bearer {api_key}", "Idempotency-Key": "my-service-v1"},
    json=${registrationJson.replace(/true/g, 'True').replace(/false/g, 'False')},
    timeout=10,
)
response.raise_for_status()
client = response.json()
client_id = client["client_id"]
client_secret = client["client_secret"]
print(f"OAUTH2_CLIENT_ID={client_id}")
print(f"OAUTH2_CLIENT_SECRET={client_secret}")

# The credentials work: a client credentials token.
token = requests.post(
    f"{base}/oauth/token",
    auth=(client_id, client_secret),
    data={"grant_type": "client_credentials", "scope": "clients:read"},
    timeout=10,
)
token.raise_for_status()
if "access_token" in token.json():
    print("token ok")
`,
  },
  callback: {
    file: 'callback.py',
    source: `import os
from urllib.parse import parse_qs, urlparse
import requests

# Step 3: the user is back at OAUTH2_REDIRECT_URI with ?code=…&state=… (CALLBACK_URL).
callback = parse_qs(urlparse(os.environ["CALLBACK_URL"]).query)
# The state must be the one kept in the user's session (CSRF protection, RFC 6749 §10.12).
if callback.get("state") != [os.environ["EXPECTED_STATE"]]:
    raise SystemExit("state does not match")

tokens = requests.post(
    os.environ["OAUTH2_TOKEN_URL"],
    auth=(os.environ["OAUTH2_CLIENT_ID"], os.environ["OAUTH2_CLIENT_SECRET"]),
    data={
        "grant_type": "authorization_code",
        "code": callback["code"][0],
        "redirect_uri": os.environ["OAUTH2_REDIRECT_URI"],
        "code_verifier": os.environ["CODE_VERIFIER"],
    },
    timeout=10,
)
tokens.raise_for_status()
if "id_token" in tokens.json():
    print("code exchange ok")
`,
  },
};

const php: Example = {
  id: 'php',
  title: 'PHP (curl extension)',
  language: 'php',
  register: {
    file: 'register.php',
    source: `<?php
// Plain PHP with the curl extension (Debian: php-cli php-curl); no Composer packages.
$base = getenv('THALAMUS_URL');
$apiKey = getenv('THALAMUS_API_KEY');

// Step 1: register the service.
$ch = curl_init("$base/api/clients");
curl_setopt_array($ch, [
    CURLOPT_POST => true,
    CURLOPT_HTTPHEADER => ["Authorization: Bearer $apiKey", 'Content-Type: application/json', 'Idempotency-Key: my-service-v1'],
    CURLOPT_POSTFIELDS => json_encode(${phpLiteral(EXAMPLE_REGISTRATION, '    ')}),
    CURLOPT_RETURNTRANSFER => true,
]);
$body = curl_exec($ch);
$status = curl_getinfo($ch, CURLINFO_RESPONSE_CODE);
if ($status !== 201) {
    fwrite(STDERR, "registration failed: $status $body\\n");
    exit(1);
}
$client = json_decode($body, true);
echo "OAUTH2_CLIENT_ID={$client['client_id']}\\n";
echo "OAUTH2_CLIENT_SECRET={$client['client_secret']}\\n";

// The credentials work: a client credentials token (secret in the Authorization header).
$ch = curl_init("$base/oauth/token");
curl_setopt_array($ch, [
    CURLOPT_USERPWD => "{$client['client_id']}:{$client['client_secret']}",
    CURLOPT_POSTFIELDS => http_build_query(['grant_type' => 'client_credentials', 'scope' => 'clients:read']),
    CURLOPT_RETURNTRANSFER => true,
]);
$token = json_decode(curl_exec($ch), true);
if (isset($token['access_token'])) {
    echo "token ok\\n";
}
`,
  },
  callback: {
    file: 'callback.php',
    source: `<?php
// Step 3: the user is back at OAUTH2_REDIRECT_URI with ?code=…&state=… ($_GET in a web page;
// here the URL is CALLBACK_URL).
parse_str(parse_url(getenv('CALLBACK_URL'), PHP_URL_QUERY), $callback);
// The state must be the one kept in the user's session (CSRF protection, RFC 6749 §10.12).
if (($callback['state'] ?? null) !== getenv('EXPECTED_STATE')) {
    fwrite(STDERR, "state does not match\\n");
    exit(1);
}

$ch = curl_init(getenv('OAUTH2_TOKEN_URL'));
curl_setopt_array($ch, [
    CURLOPT_USERPWD => getenv('OAUTH2_CLIENT_ID') . ':' . getenv('OAUTH2_CLIENT_SECRET'),
    CURLOPT_POSTFIELDS => http_build_query([
        'grant_type' => 'authorization_code',
        'code' => $callback['code'],
        'redirect_uri' => getenv('OAUTH2_REDIRECT_URI'),
        'code_verifier' => getenv('CODE_VERIFIER'),
    ]),
    CURLOPT_RETURNTRANSFER => true,
]);
$body = curl_exec($ch);
$status = curl_getinfo($ch, CURLINFO_RESPONSE_CODE);
if ($status !== 200) {
    fwrite(STDERR, "code exchange failed: $status $body\\n");
    exit(1);
}
$tokens = json_decode($body, true);
if (isset($tokens['id_token'])) {
    echo "code exchange ok\\n";
}
`,
  },
};

export const EXAMPLES: Example[] = [curl, node, python, php];

/** The variables a service keeps, with this server's URLs filled in. */
export function serviceEnvironment(issuer: string): { name: string; value: string; note: string }[] {
  const endpoints = oauthEndpoints(issuer);
  return [
    { name: 'OAUTH2_CLIENT_ID', value: '<client_id from step 1>', note: 'Public; identifies the service' },
    { name: 'OAUTH2_CLIENT_SECRET', value: '<client_secret from step 1>', note: 'Secret; keep it in a secrets manager' },
    { name: 'OAUTH2_REDIRECT_URI', value: EXAMPLE_REGISTRATION.redirect_uris[0]!, note: 'One of the redirect_uris registered' },
    { name: 'OAUTH2_AUTHORIZE_URL', value: endpoints.authorize, note: 'Where users sign in' },
    { name: 'OAUTH2_TOKEN_URL', value: endpoints.token, note: 'Where codes become tokens' },
  ];
}
