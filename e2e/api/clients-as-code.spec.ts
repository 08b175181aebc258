import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestDatabase } from '../../scripts/test-database.mjs';
import { adminToken, bearer } from '../support/admin-api';
import { createApiKey } from '../support/cli';
import { basicAuth } from '../support/test-env';

// Clients as code: `thalamus export` writes an installation's organizations, scopes, APIs
// and clients as one JSON document; `thalamus apply` (and POST /api/apply) makes another
// installation match it. The CLI tests run on two throwaway databases of their own, so
// what they compare is theirs alone; the API test uses the server's.

type Database = Awaited<ReturnType<typeof createTestDatabase>>;
interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

const unique = () => randomBytes(4).toString('hex');

/** `npx thalamus …` against one installation, as an operator runs it. */
function thalamusOn(database: Database, ...args: string[]): Run {
  const run = spawnSync(process.execPath, ['bin/thalamus.mjs', ...args], { encoding: 'utf8', env: { ...process.env, DATABASE_URL: database.url } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Every object key in a JSON value, however deep. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => [key, ...keysOf(item)]);
  return [];
}

function succeeds(run: Run): string {
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

test.describe('clients as code from the command line', () => {
  test.describe.configure({ mode: 'serial', timeout: 120_000 });
  let source: Database;
  let target: Database;
  let dir: string;
  let exported: string;
  const file = (name: string, content: string) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const billingId = `billing-${unique()}`;

  test.beforeAll(async () => {
    test.setTimeout(120_000);
    dir = mkdtempSync(join(tmpdir(), 'thalamus-config-e2e-'));
    [source, target] = [await createTestDatabase(process.env.DATABASE_URL), await createTestDatabase(process.env.DATABASE_URL)];
    for (const database of [source, target]) succeeds(thalamusOn(database, 'setup'));
    // The source installation: an API with a scope, an organization and clients, made the usual ways.
    succeeds(
      thalamusOn(
        source,
        'resources',
        'create',
        '--data',
        JSON.stringify({ name: 'Billing API', identifier: 'https://billing.config.example', scopes: [{ name: 'invoices:read', description: 'Read your invoices' }] }),
      ),
    );
    const seed = { version: 1, organizations: [{ id: 'org_acme', name: 'Acme', description: 'Acme Inc.' }] };
    succeeds(thalamusOn(source, 'apply', file('seed.json', JSON.stringify(seed))));
    const billing = {
      client_id: billingId,
      name: 'Billing',
      organization_id: 'org_acme',
      grant_types: ['authorization_code'],
      redirect_uris: ['https://billing.example.com/old'],
      scopes: ['openid', 'invoices:read'],
    };
    succeeds(thalamusOn(source, 'apply', file('billing.json', JSON.stringify({ version: 1, clients: [billing] }))));
    succeeds(thalamusOn(source, 'clients', 'create', '--data', JSON.stringify({ name: 'Reports worker', grant_types: ['client_credentials'], scopes: ['invoices:read'] })));
    exported = succeeds(thalamusOn(source, 'export'));
  });

  test.afterAll(async () => {
    await source?.drop();
    await target?.drop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('export lists every kind with stable keys and no secret', () => {
    const document = JSON.parse(exported) as { version: number; organizations: { id: string }[]; resources: { identifier: string }[]; clients: Record<string, unknown>[] };
    expect(document.version).toBe(1);
    expect(document.organizations.map((o) => o.id)).toEqual(['org_acme', 'org_default']);
    expect(document.resources.map((r) => r.identifier)).toEqual(['https://billing.config.example']);
    expect(document.clients.map((c) => c.client_id)).toContain(billingId);
    expect(document.clients.map((c) => c.client_id)).toContain('thalamus_admin_client');
    expect(exported).not.toContain('thcs_');
    expect(keysOf(document).filter((key) => /secret|digest|registration|hint/i.test(key))).toEqual([]);
    expect(succeeds(thalamusOn(source, 'export')), 'the same installation exports to the same bytes').toBe(exported);
    expect(Object.keys(JSON.parse(succeeds(thalamusOn(source, 'export', '--only', 'clients,scopes'))) as object)).toEqual(['version', 'scopes', 'clients']);
  });

  test('--dry-run prints the diff and changes nothing', () => {
    const before = succeeds(thalamusOn(target, 'export'));
    const plan = succeeds(thalamusOn(target, 'apply', file('exported.json', exported), '--dry-run'));
    expect(plan).toContain('+ organization "Acme" (org_acme)');
    expect(plan).toContain('+ resource "Billing API" (https://billing.config.example)');
    expect(plan).toContain(`+ client "Billing" (${billingId})`);
    expect(plan).toContain('4 changes: 4 to create, 0 to change, 0 to delete.');
    expect(plan).toContain('Dry run: nothing was changed.');
    expect(succeeds(thalamusOn(target, 'export'))).toBe(before);
  });

  test('export → apply to a fresh database → export again gives the same document; new confidential clients print their secret once', () => {
    const applied = succeeds(thalamusOn(target, 'apply', join(dir, 'exported.json')));
    expect(applied).toContain('Applied.');
    expect(applied).toMatch(new RegExp(`client_secret of ${billingId}: thcs_\\S+`));
    expect(succeeds(thalamusOn(target, 'export'))).toBe(exported);
    const again = succeeds(thalamusOn(target, 'apply', join(dir, 'exported.json')));
    expect(again.trim()).toBe('No changes.');
    expect(again).not.toContain('thcs_');
  });

  test('a changed redirect URI shows as one change', () => {
    const document = JSON.parse(exported) as { clients: { client_id: string; redirect_uris: string[] }[] };
    document.clients.find((c) => c.client_id === billingId)!.redirect_uris = ['https://billing.example.com/new'];
    const changed = file('changed.json', JSON.stringify(document));
    const plan = succeeds(thalamusOn(target, 'apply', changed, '--dry-run'));
    expect(plan).toContain(`~ client "Billing" (${billingId}): redirect_uris: + https://billing.example.com/new  - https://billing.example.com/old`);
    expect(plan).toContain('1 change: 0 to create, 1 to change, 0 to delete.');
    const result = JSON.parse(succeeds(thalamusOn(target, 'apply', changed, '--json'))) as { changes: unknown[]; applied: boolean };
    expect(result.applied).toBe(true);
    expect(result.changes).toEqual([
      {
        action: 'update',
        type: 'client',
        key: billingId,
        name: 'Billing',
        path: expect.stringMatching(/^clients\[\d+\]$/),
        fields: [{ field: 'redirect_uris', added: ['https://billing.example.com/new'], removed: ['https://billing.example.com/old'] }],
      },
    ]);
  });

  test('--prune deletes a client the document leaves out, and never a default client', () => {
    const document = JSON.parse(exported) as { clients: { client_id: string; name: string }[] };
    const worker = document.clients.find((c) => c.name === 'Reports worker')!;
    document.clients = document.clients.filter((c) => c !== worker);
    const withoutWorker = file('without-worker.json', JSON.stringify(document));
    expect(succeeds(thalamusOn(target, 'apply', withoutWorker))).toContain(`= client "Reports worker" (${worker.client_id}) stays: Not in the document: --prune deletes it`);
    const pruned = succeeds(thalamusOn(target, 'apply', withoutWorker, '--prune'));
    expect(pruned).toContain(`- client "Reports worker" (${worker.client_id})`);
    expect(succeeds(thalamusOn(target, 'export'))).not.toContain(worker.client_id);

    const plan = succeeds(thalamusOn(target, 'apply', file('no-clients.json', JSON.stringify({ version: 1, clients: [] })), '--prune', '--dry-run'));
    expect(plan).toContain('= client "Admin Client" (thalamus_admin_client) stays: Default clients are never deleted');
    expect(plan).not.toContain('- client "Admin Client"');
  });

  test('a default client takes the edits allowed today; its fixed fields are skipped, with the reason', () => {
    const document = JSON.parse(exported) as { clients: { client_id: string; description: string; token_endpoint_auth_method: string }[] };
    const admin = document.clients.find((c) => c.client_id === 'thalamus_admin_client')!;
    admin.description = 'Platform automation for Acme';
    admin.token_endpoint_auth_method = 'client_secret_post';
    const plan = succeeds(thalamusOn(target, 'apply', file('admin-client.json', JSON.stringify({ version: 1, clients: [admin] })), '--dry-run'));
    expect(plan).toContain('~ client "Admin Client" (thalamus_admin_client): description: "Administrative API access (client credentials)." → "Platform automation for Acme"');
    expect(plan).toContain('= client "Admin Client" (thalamus_admin_client) keeps token_endpoint_auth_method: Fixed on a default client');
  });

  test('an invalid document is refused naming the field, and nothing is written', () => {
    const before = succeeds(thalamusOn(target, 'export'));
    const document = JSON.parse(exported) as { clients: Record<string, unknown>[] };
    document.clients.unshift({ client_id: `new-${unique()}`, name: 'Written first', grant_types: ['client_credentials'], scopes: ['openid'] });
    // The Billing client, not a default one (whose redirect URIs are left alone): where it
    // sorts among the exported clients depends on the other clients' random IDs.
    const bad = document.clients.findIndex((c) => c.client_id === billingId);
    document.clients[bad] = { ...document.clients[bad], redirect_uris: ['not a uri'], grant_types: ['authorization_code'] };
    const run = thalamusOn(target, 'apply', file('invalid.json', JSON.stringify(document)));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('The document has invalid fields');
    expect(run.stderr).toContain(`clients[${bad}].redirect_uris[0]: `);
    expect(succeeds(thalamusOn(target, 'export'))).toBe(before);

    const unknownScope = thalamusOn(
      target,
      'apply',
      file('unknown-scope.json', JSON.stringify({ version: 1, clients: [document.clients[0], { ...document.clients[0], client_id: `x-${unique()}`, scopes: ['nope:read'] }] })),
    );
    expect(unknownScope.status).toBe(2);
    expect(unknownScope.stderr).toContain('clients[1].scopes[0]');
    expect(succeeds(thalamusOn(target, 'export')), 'the first client of the refused document is not written either').toBe(before);
  });
});

test.describe('POST /api/apply', () => {
  const clientId = `apply-api-${unique()}`;
  const document = { version: 1, clients: [{ client_id: clientId, name: 'Applied over HTTP', grant_types: ['client_credentials'], scopes: ['directory:read'] }] };

  test.afterAll(async ({ request }) => {
    await request.delete(`/api/clients/${clientId}`, { headers: bearer(await adminToken(request)) });
  });

  test('the Admin Client token plans, applies once and returns the new secret once', async ({ request }) => {
    const headers = bearer(await adminToken(request));
    const dry = await request.post('/api/apply?dry_run=true', { headers, data: document });
    expect(dry.status()).toBe(200);
    expect(await dry.json()).toMatchObject({ applied: false, secrets: {}, changes: [{ action: 'create', type: 'client', key: clientId, path: 'clients[0]' }] });
    expect((await request.get(`/api/clients/${clientId}`, { headers })).status()).toBe(404);

    const applied = await request.post('/api/apply', { headers, data: document });
    expect(applied.status()).toBe(200);
    expect(applied.headers()['cache-control']).toBe('no-store');
    const result = (await applied.json()) as { applied: boolean; secrets: Record<string, string> };
    expect(result.applied).toBe(true);
    const token = await request.post('/oauth/token', {
      headers: { Authorization: basicAuth(clientId, result.secrets[clientId]!) },
      form: { grant_type: 'client_credentials', scope: 'directory:read' },
    });
    expect(token.status(), 'the returned secret is the client’s').toBe(200);

    const again = await request.post('/api/apply', { headers, data: document });
    expect(await again.json()).toMatchObject({ applied: false, changes: [], secrets: {} });
  });

  test('default clients are not changed with an API credential: the plan says so', async ({ request }) => {
    const headers = bearer(await adminToken(request));
    const exported = (await (await request.get('/api/export?only=clients', { headers })).json()) as { clients: { client_id: string; description: string }[] };
    const sync = { ...exported.clients.find((c) => c.client_id === 'thalamus_sync_client')!, description: 'Changed over HTTP' };
    const response = await request.post('/api/apply?dry_run=true', { headers, data: { version: 1, clients: [sync] } });
    const plan = (await response.json()) as { changes: unknown[]; skipped: unknown[] };
    expect(plan.changes).toEqual([]);
    expect(plan.skipped).toContainEqual({
      type: 'client',
      key: 'thalamus_sync_client',
      name: 'Sync Service Client',
      field: 'description',
      reason: 'Default clients are changed in the console or with the CLI, not with an API credential',
    });
  });

  test('a bad document is a 400 naming the field; a bad flag too', async ({ request }) => {
    const headers = bearer(await adminToken(request));
    const bad = await request.post('/api/apply', { headers, data: { version: 1, clients: [{ ...document.clients[0], client_id: 'x', grant_types: [] }] } });
    expect(bad.status()).toBe(400);
    const body = (await bad.json()) as { error: string; fields: { path: string }[] };
    expect(body.error).toBe('invalid_request');
    expect(body.fields.map((f) => f.path)).toEqual(expect.arrayContaining(['clients[0].client_id', 'clients[0].grant_types']));
    const flag = await request.post('/api/apply?dry_run=yes', { headers, data: document });
    expect(flag.status()).toBe(400);
    expect(((await flag.json()) as { fields: { path: string }[] }).fields).toEqual([{ path: 'dry_run', message: 'Use true or false' }]);
  });

  test('without a credential it is a 401; an admin API key gets a 403', async ({ request }) => {
    expect((await request.post('/api/apply', { data: document })).status()).toBe(401);
    const { key } = createApiKey('clients:read,clients:write');
    const refused = await request.post('/api/apply', { headers: bearer(key), data: document });
    expect(refused.status()).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toBe('insufficient_scope');
    expect((await request.get('/api/export', { headers: bearer(key) })).status()).toBe(403);
  });
});
