import { expect, test } from '@playwright/test';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES } from '../../lib/docs/integration-examples';
import { createApiKey } from '../support/cli';
import { baseURL } from '../support/test-env';

// The integration guide's examples are run as written, against this server.

// Each runtime an example needs, with how to check it is there and the Debian package
// that brings it (.ci/run installs them). Python is Debian's own /usr/bin/python3: a
// python3 earlier on PATH (pyenv) does not see the packages apt installs.
const runtimes: Record<string, { command: string; check?: [string, ...string[]]; debianPackage?: string }> = {
  curl: { command: 'bash', check: ['curl', '--version'], debianPackage: 'curl' },
  node: { command: process.execPath },
  python: { command: '/usr/bin/python3', check: ['/usr/bin/python3', '-c', 'import requests'], debianPackage: 'python3-requests' },
};

for (const example of EXAMPLES) {
  test(`the ${example.title} example registers a service and gets a token with its credentials`, async () => {
    const runtime = runtimes[example.id]!;
    if (runtime.check) {
      const [command, ...args] = runtime.check;
      const missing = spawnSync(command, args).status !== 0;
      expect(missing, `${example.title} cannot run here (\`${runtime.check.join(' ')}\` failed): apt-get install ${runtime.debianPackage}`).toBe(false);
    }
    const dir = join('test-results', 'examples');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, example.file);
    writeFileSync(file, example.source);
    const { key } = createApiKey('clients:read,clients:write');
    const output = execFileSync(runtime.command, [file], { encoding: 'utf8', env: { ...process.env, THALAMUS_URL: baseURL, THALAMUS_API_KEY: key } });
    expect(output).toMatch(/^OAUTH2_CLIENT_ID=\w+$/m);
    expect(output).toMatch(/^OAUTH2_CLIENT_SECRET=thcs_[\w-]+$/m);
    expect(output).toContain('token ok');
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
