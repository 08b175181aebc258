import { expect, test } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE_REGISTRATION, EXAMPLES, type Example, type ExampleId, type ExampleScript } from '../../lib/docs/integration-examples';
import { createApiKey, createUser } from '../support/cli';
import { authorize } from '../support/http-sign-in';
import { baseURL } from '../support/test-env';
import { resultsPath } from '../support/test-results';

// The integration guide's examples are run as written, against this server: each
// registers a service, proves its credentials with a client credentials token, and then,
// at its redirect URI, exchanges the code of a real sign-in for tokens.

// Each runtime an example needs, with how to check it is there and the Debian packages
// that bring it (.ci/run installs them). A missing runtime fails the test: it never
// skips. Python is Debian's own /usr/bin/python3: a python3 earlier on PATH (pyenv)
// does not see the packages apt installs.
const runtimes: Record<ExampleId, { command: string; check?: [string, ...string[]]; debianPackages?: string }> = {
  curl: { command: 'bash', check: ['curl', '--version'], debianPackages: 'curl' },
  node: { command: process.execPath },
  python: { command: '/usr/bin/python3', check: ['/usr/bin/python3', '-c', 'import requests'], debianPackages: 'python3-requests' },
  php: { command: 'php', check: ['php', '-r', 'exit(function_exists("curl_init") ? 0 : 1);'], debianPackages: 'php-cli php-curl' },
};

const redirectUri = EXAMPLE_REGISTRATION.redirect_uris[0]!;

/** Runs one of an example's scripts as written, with the environment a service would give it. */
function run(example: Example, script: ExampleScript, env: Record<string, string>): string {
  const dir = resultsPath('examples', example.id);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, script.file);
  writeFileSync(file, script.source);
  return execFileSync(runtimes[example.id].command, [file], { encoding: 'utf8', env: { ...process.env, THALAMUS_URL: baseURL, ...env } });
}

for (const example of EXAMPLES) {
  test(`the ${example.title} example registers a service, gets a token with its credentials and exchanges a sign-in's code`, async () => {
    const runtime = runtimes[example.id];
    if (runtime.check) {
      const [command, ...args] = runtime.check;
      const missing = spawnSync(command, args).status !== 0;
      expect(missing, `${example.title} cannot run here (\`${runtime.check.join(' ')}\` failed): apt-get install ${runtime.debianPackages}`).toBe(false);
    }

    // Steps 0 and 1: an API key, then the registration script.
    const { key } = createApiKey('clients:read,clients:write');
    const registered = run(example, example.register, { THALAMUS_API_KEY: key });
    const clientId = /^OAUTH2_CLIENT_ID=(\w+)$/m.exec(registered)?.[1];
    const clientSecret = /^OAUTH2_CLIENT_SECRET=(thcs_[\w-]+)$/m.exec(registered)?.[1];
    expect(clientId, registered).toBeTruthy();
    expect(clientSecret, registered).toBeTruthy();
    expect(registered).toContain('token ok');

    // Steps 2 and 3: a user signs in; the service's callback exchanges the code.
    const signIn = await authorize(baseURL, createUser(), { clientId: clientId!, redirectUri });
    const exchanged = run(example, example.callback, {
      OAUTH2_CLIENT_ID: clientId!,
      OAUTH2_CLIENT_SECRET: clientSecret!,
      OAUTH2_REDIRECT_URI: redirectUri,
      OAUTH2_TOKEN_URL: `${baseURL}/oauth/token`,
      CALLBACK_URL: signIn.callback.href,
      CODE_VERIFIER: signIn.verifier,
      EXPECTED_STATE: signIn.state!,
    });
    expect(exchanged).toContain('code exchange ok');
  });
}

test('the guide names this server’s real URLs and the variables a service stores', async ({ request }) => {
  const page = await (await request.get('/docs/integration')).text();
  for (const text of [
    `${baseURL}/oauth/authorize`,
    `${baseURL}/oauth/token`,
    'OAUTH2_CLIENT_ID',
    'OAUTH2_CLIENT_SECRET',
    'OAUTH2_REDIRECT_URI',
    'OAUTH2_AUTHORIZE_URL',
    'OAUTH2_TOKEN_URL',
    'client_secret_basic',
    'client_secret_post',
  ]) {
    expect(page).toContain(text);
  }
});

test('the OpenAPI document is served with this server as its server URL, and the reference page lists every operation', async ({ request }) => {
  const document = await (await request.get('/api/openapi.json')).json();
  expect(document.openapi).toBe('3.1.0');
  expect(document.servers).toEqual([{ url: baseURL }]);
  const reference = await (await request.get('/docs/api')).text();
  for (const path of Object.keys(document.paths)) expect(reference).toContain(path);
});
