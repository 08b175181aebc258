import { oauthEndpoints } from './service-environment';

/**
 * The integration guide's examples, one source for the page and the tests that run
 * them. Each registers a client through the admin API (step 1) and then proves the
 * credentials work with a client_credentials token; they read THALAMUS_URL and
 * THALAMUS_API_KEY from the environment and print the variables the service stores.
 */
export interface Example {
  id: 'curl' | 'node' | 'python';
  title: string;
  language: string;
  file: string;
  source: string;
}

const registration = {
  name: 'My Service',
  description: 'Registered by its deploy script',
  grant_types: ['authorization_code', 'refresh_token', 'client_credentials'],
  redirect_uris: ['https://my-service.example.com/oauth/callback'],
  scopes: ['openid', 'profile', 'email', 'offline_access', 'clients:read'],
};

export const EXAMPLES: Example[] = [
  {
    id: 'curl',
    title: 'curl',
    language: 'bash',
    file: 'register.sh',
    source: `#!/usr/bin/env bash
set -euo pipefail
# Step 1: register the service (the response holds the client secret, once).
response=$(curl -sf -X POST "$THALAMUS_URL/api/clients" \\
  -H "Authorization: Bearer $THALAMUS_API_KEY" \\
  -H "Content-Type: application/json" \\
  -H "Idempotency-Key: my-service-v1" \\
  -d '${JSON.stringify(registration)}')
client_id=$(printf '%s' "$response" | sed -E 's/.*"client_id":"([^"]+)".*/\\1/')
client_secret=$(printf '%s' "$response" | sed -E 's/.*"client_secret":"([^"]+)".*/\\1/')
echo "OAUTH2_CLIENT_ID=$client_id"
echo "OAUTH2_CLIENT_SECRET=$client_secret"

# The credentials work: a client credentials token.
curl -sf -u "$client_id:$client_secret" -d grant_type=client_credentials -d scope=clients:read \\
  "$THALAMUS_URL/oauth/token" | grep -q access_token && echo "token ok"
`,
  },
  {
    id: 'node',
    title: 'Node.js (openid-client)',
    language: 'javascript',
    file: 'register.mjs',
    source: `import * as oidc from 'openid-client';

const { THALAMUS_URL, THALAMUS_API_KEY } = process.env;

// Step 1: register the service.
const response = await fetch(\`\${THALAMUS_URL}/api/clients\`, {
  method: 'POST',
  headers: { Authorization: \`Bearer \${THALAMUS_API_KEY}\`, 'Content-Type': 'application/json', 'Idempotency-Key': 'my-service-v1' },
  body: JSON.stringify(${JSON.stringify(registration)}),
});
if (response.status !== 201) throw new Error(\`registration failed: \${response.status} \${await response.text()}\`);
const { client, client_secret } = await response.json();
console.log(\`OAUTH2_CLIENT_ID=\${client.client_id}\`);
console.log(\`OAUTH2_CLIENT_SECRET=\${client_secret}\`);

// Steps 2 and 3: the authorization code flow, configured from discovery.
const options = new URL(THALAMUS_URL).protocol === 'http:' ? { execute: [oidc.allowInsecureRequests] } : {};
// The client is registered for client_secret_basic: the secret goes in the Authorization header.
const config = await oidc.discovery(new URL(THALAMUS_URL), client.client_id, client_secret, oidc.ClientSecretBasic(client_secret), options);
const verifier = oidc.randomPKCECodeVerifier();
const authorizeUrl = oidc.buildAuthorizationUrl(config, {
  redirect_uri: client.redirect_uris[0],
  scope: 'openid profile email',
  code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
  code_challenge_method: 'S256',
  state: oidc.randomState(),
});
console.log(\`Send users to: \${authorizeUrl.origin}\${authorizeUrl.pathname}?…\`);
// …then, at the redirect URI: await oidc.authorizationCodeGrant(config, currentUrl, { pkceCodeVerifier: verifier, expectedState })

// The credentials work: a client credentials token.
const tokens = await oidc.clientCredentialsGrant(config, { scope: 'clients:read' });
if (tokens.access_token) console.log('token ok');
`,
  },
  {
    id: 'python',
    title: 'Python (requests)',
    language: 'python',
    file: 'register.py',
    source: `import os
import requests

base = os.environ["THALAMUS_URL"]
api_key = os.environ["THALAMUS_API_KEY"]

# Step 1: register the service.
response = requests.post(
    f"{base}/api/clients",
    headers={"Authorization": f"Bearer {api_key}", "Idempotency-Key": "my-service-v1"},
    json=${JSON.stringify(registration).replace(/true/g, 'True').replace(/false/g, 'False')},
    timeout=10,
)
response.raise_for_status()
registered = response.json()
client_id = registered["client"]["client_id"]
client_secret = registered["client_secret"]
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
];

/** The variables a service keeps, with this server's URLs filled in. */
export function serviceEnvironment(issuer: string): { name: string; value: string; note: string }[] {
  const endpoints = oauthEndpoints(issuer);
  return [
    { name: 'OAUTH2_CLIENT_ID', value: '<client_id from step 1>', note: 'Public; identifies the service' },
    { name: 'OAUTH2_CLIENT_SECRET', value: '<client_secret from step 1>', note: 'Secret; keep it in a secrets manager' },
    { name: 'OAUTH2_REDIRECT_URI', value: 'https://my-service.example.com/oauth/callback', note: 'One of the redirect_uris registered' },
    { name: 'OAUTH2_AUTHORIZE_URL', value: endpoints.authorize, note: 'Where users sign in' },
    { name: 'OAUTH2_TOKEN_URL', value: endpoints.token, note: 'Where codes become tokens' },
  ];
}
