import { describe, expect, it } from 'vitest';
import { configDocumentSchema } from './document-schema';
import { clientEntry, type ConfigState } from './config-state';
import { fieldChange, planConfig } from './plan-config';
import { formatPlan } from './format-plan';

const client = (fields: Record<string, unknown>) =>
  configDocumentSchema.parse({ version: 1, clients: [{ grant_types: ['client_credentials'], scopes: ['clients:read'], ...fields }] }).clients![0]!;
const stored = (fields: Record<string, unknown>, isDefault = false) => ({ ...clientEntry(client(fields)), is_default: isDefault });

function state(partial: Partial<ConfigState>): ConfigState {
  return { organizations: [], scopes: [], resources: [], clients: [], ...partial };
}
const operator = { prune: false, viaApi: false };

describe('planConfig', () => {
  it('shows a changed list as the entries added and removed, and an unchanged entity not at all', () => {
    expect(fieldChange('redirect_uris', ['https://a/cb'], ['https://b/cb'])).toEqual({ field: 'redirect_uris', added: ['https://b/cb'], removed: ['https://a/cb'] });
    expect(fieldChange('redirect_uris', ['https://a/cb', 'https://b/cb'], ['https://b/cb', 'https://a/cb'])).toEqual({
      field: 'redirect_uris',
      before: ['https://a/cb', 'https://b/cb'],
      after: ['https://b/cb', 'https://a/cb'],
    });
    const current = state({ clients: [stored({ client_id: 'same-client', name: 'Same' })] });
    expect(planConfig(configDocumentSchema.parse({ version: 1, clients: [client({ client_id: 'same-client', name: 'Same' })] }), current, operator).changes).toEqual([]);
  });

  it('treats a field left out of the document as its default, as creating the client would', () => {
    const current = state({ clients: [stored({ client_id: 'worker', name: 'Worker', description: 'Nightly jobs' })] });
    const plan = planConfig({ version: 1, clients: [client({ client_id: 'worker', name: 'Worker' })] }, current, operator);
    expect(plan.changes).toEqual([
      { action: 'update', type: 'client', key: 'worker', name: 'Worker', path: 'clients[0]', fields: [{ field: 'description', before: 'Nightly jobs', after: '' }] },
    ]);
  });

  it("leaves a default client's fixed fields, and every field of one over the API, with the reason", () => {
    const current = state({ clients: [stored({ client_id: 'thalamus_admin_client', name: 'Admin Client' }, true)] });
    const wanted = {
      version: 1 as const,
      clients: [client({ client_id: 'thalamus_admin_client', name: 'Admin Client', description: 'Ops', token_endpoint_auth_method: 'client_secret_post' })],
    };
    const plan = planConfig(wanted, current, operator);
    expect(plan.changes).toEqual([expect.objectContaining({ action: 'update', fields: [{ field: 'description', before: '', after: 'Ops' }] })]);
    expect(plan.skipped).toEqual([expect.objectContaining({ key: 'thalamus_admin_client', field: 'token_endpoint_auth_method' })]);
    const viaApi = planConfig(wanted, current, { prune: false, viaApi: true });
    expect(viaApi.changes).toEqual([]);
    expect(viaApi.skipped.map((s) => s.field)).toEqual(['description', 'token_endpoint_auth_method']);
  });

  it('deletes only with prune, and never the default organization or a built-in scope', () => {
    const current = state({
      organizations: [
        { id: 'org_default', name: 'Default', description: '', is_default: true },
        { id: 'org_old', name: 'Old', description: '', is_default: false },
      ],
      scopes: [
        { name: 'openid', description: 'Sign in', built_in: true, resource: null },
        { name: 'reports:read', description: 'Read reports', built_in: false, resource: null },
        { name: 'invoices:read', description: 'Read invoices', built_in: false, resource: 'https://billing.example.com' },
      ],
    });
    const document = { version: 1 as const, organizations: [], scopes: [] };
    expect(planConfig(document, current, operator).changes).toEqual([]);
    const pruned = planConfig(document, current, { prune: true, viaApi: false });
    expect(pruned.changes.map((c) => `${c.action} ${c.type} ${c.key}`)).toEqual(['delete organization org_old', 'delete scope reports:read']);
    expect(pruned.skipped.map((s) => s.reason)).toEqual(['The default organization is never deleted', 'Built-in scopes are never deleted']);
  });

  it('refuses a scope listed on its own that belongs to an API, naming the entry', () => {
    const current = state({ scopes: [{ name: 'invoices:read', description: 'Read invoices', built_in: false, resource: 'https://billing.example.com' }] });
    expect(() => planConfig({ version: 1, scopes: [{ name: 'invoices:read', description: 'Read invoices' }] }, current, operator)).toThrow(
      expect.objectContaining({ fields: [expect.objectContaining({ path: 'scopes[0].name' })] }),
    );
  });

  it("plans an API's new scopes and changed descriptions; its missing scopes go only with prune", () => {
    const billing = { name: 'Billing', identifier: 'https://billing.example.com', description: '', access_token_format: 'jwt' as const, access_token_lifetime: 3600 };
    const current = state({
      resources: [
        {
          ...billing,
          protected: false,
          scopes: [
            { name: 'invoices:read', description: 'Read invoices' },
            { name: 'invoices:void', description: 'Void invoices' },
          ],
        },
      ],
    });
    const scopes = [
      { name: 'invoices:read', description: 'Read your invoices' },
      { name: 'invoices:write', description: 'Write invoices' },
    ];
    const plan = planConfig({ version: 1, resources: [{ ...billing, scopes }] }, current, operator);
    expect(plan.changes[0]!.fields).toEqual([
      { field: 'scopes', added: ['invoices:write'], removed: [] },
      { field: 'scopes[invoices:read].description', before: 'Read invoices', after: 'Read your invoices' },
    ]);
    expect(plan.skipped).toEqual([expect.objectContaining({ field: 'scopes', reason: 'Not in the document: invoices:void (--prune removes them)' })]);
    const pruned = planConfig({ version: 1, resources: [{ ...billing, scopes }] }, current, { prune: true, viaApi: false });
    expect(pruned.changes[0]!.fields[0]).toEqual({ field: 'scopes', added: ['invoices:write'], removed: ['invoices:void'] });
  });

  it('prints one line per entity and a count', () => {
    const current = state({
      clients: [stored({ client_id: 'web-app', name: 'Web', grant_types: ['authorization_code'], redirect_uris: ['https://old.example.com/cb'], scopes: ['openid'] })],
    });
    const document = {
      version: 1 as const,
      clients: [client({ client_id: 'web-app', name: 'Web', grant_types: ['authorization_code'], redirect_uris: ['https://new.example.com/cb'], scopes: ['openid'] })],
    };
    expect(formatPlan(planConfig(document, current, operator))).toBe(
      ['~ client "Web" (web-app): redirect_uris: + https://new.example.com/cb  - https://old.example.com/cb', '1 change: 0 to create, 1 to change, 0 to delete.'].join('\n'),
    );
  });
});

describe('configDocumentSchema', () => {
  it('names a bad field by its place in the document', () => {
    const result = configDocumentSchema.safeParse({
      version: 1,
      clients: [
        { client_id: 'ok-client', name: 'Ok', grant_types: ['client_credentials'], scopes: ['openid'] },
        { client_id: 'ok-client', name: 'Twice', grant_types: ['client_credentials'], scopes: ['openid'] },
        { client_id: 'web', name: 'Web', grant_types: ['authorization_code'], redirect_uris: ['http://app.example.com/cb'], scopes: ['openid'] },
      ],
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((issue) => issue.path.join('.'))).toEqual(['clients.2.redirect_uris.0', 'clients.1.client_id']);
  });

  it('refuses another version and a client ID that is not one', () => {
    expect(configDocumentSchema.safeParse({ version: 2 }).error?.issues[0]?.path).toEqual(['version']);
    const badId = configDocumentSchema.safeParse({ version: 1, clients: [{ client_id: 'no spaces', name: 'X', grant_types: ['client_credentials'], scopes: ['openid'] }] });
    expect(badId.error?.issues[0]?.path).toEqual(['clients', 0, 'client_id']);
  });
});

describe("the console's own client", () => {
  it('keeps its redirect URIs, its enabled state and its PAR and DPoP settings whatever the document says', () => {
    const console = {
      client_id: 'thalamus-console',
      name: 'Thalamus Console',
      grant_types: ['authorization_code'],
      redirect_uris: ['http://localhost:3000/api/auth/callback/thalamus'],
      scopes: ['openid'],
    };
    const current = state({ clients: [stored(console, true)] });
    const wanted = client({ ...console, redirect_uris: ['https://elsewhere.example.com/cb'], enabled: false, dpop_bound_access_tokens: true });
    const plan = planConfig({ version: 1, clients: [wanted] }, current, operator);
    expect(plan.changes).toEqual([]);
    expect(plan.skipped.map((s) => s.field)).toEqual(['redirect_uris', 'dpop_bound_access_tokens', 'enabled']);
  });
});
