import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { clientFacetFilter } from './client-facets';
import { clientCursorQuerySchema, clientListQuerySchema, listClientFacets, listClients } from './list-clients';

// Runs on the suite's database, SQLite or PostgreSQL: both must filter and count alike.
const tag = `facet${randomBytes(4).toString('hex')}`;
const day = 24 * 60 * 60 * 1000;
const now = new Date();
const keyId = `${tag}-key`;

const clients = [
  // A sign-in app, public, used an hour ago.
  { id: 'mobile', grantTypes: ['authorization_code', 'refresh_token'], auth: 'none', enabled: true, owner: null, usedDaysAgo: 0.04 },
  // A web app registered by an API key, confidential, last used 45 days ago.
  { id: 'portal', grantTypes: ['authorization_code'], auth: 'client_secret_basic', enabled: true, owner: keyId, usedDaysAgo: 45 },
  // A disabled service from the same key, used 100 days ago.
  { id: 'export', grantTypes: ['client_credentials'], auth: 'client_secret_post', enabled: false, owner: keyId, usedDaysAgo: 100 },
  // A service that never got a token.
  { id: 'nightly', grantTypes: ['client_credentials'], auth: 'client_secret_basic', enabled: true, owner: null, usedDaysAgo: undefined },
];

beforeAll(async () => {
  const db = await getDb();
  await db.apiKey.create({ data: { id: keyId, name: tag, scopes: '["clients:write"]', digest: `${tag}-digest`, hint: 'thak_…test' } });
  for (const c of clients) {
    await db.oAuthClient.create({
      data: {
        clientId: `${tag}-${c.id}`,
        name: `${tag} ${c.id}`,
        organizationId: 'org_default',
        grantTypes: JSON.stringify(c.grantTypes),
        tokenEndpointAuthMethod: c.auth,
        enabled: c.enabled,
        ownerApiKeyId: c.owner,
        scopes: '[]',
        ...(c.usedDaysAgo !== undefined ? { usage: { create: { lastUsedAt: new Date(now.getTime() - c.usedDaysAgo * day) } } } : {}),
      },
    });
  }
});

afterAll(async () => {
  const db = await getDb();
  await db.oAuthClient.deleteMany({ where: { clientId: { startsWith: tag } } });
  await db.apiKey.delete({ where: { id: keyId } });
  await closeDb();
});

async function listed(filters: Record<string, string>) {
  const page = await listClients(await getDb(), clientListQuerySchema.parse({ q: tag, sort: 'name', order: 'asc', ...filters }));
  return page.clients.map((c) => c.client_id.slice(tag.length + 1));
}

describe('the client list’s facet filters', () => {
  it('narrow the list by grant type, matching a whole grant type only', async () => {
    expect(await listed({ grant_type: 'authorization_code' })).toEqual(['mobile', 'portal']);
    expect(await listed({ grant_type: 'refresh_token' })).toEqual(['mobile']);
    expect(await listed({ grant_type: 'client_credentials' })).toEqual(['export', 'nightly']);
  });

  it('narrow it by status, public or confidential, and owner (an API key, or none)', async () => {
    expect(await listed({ status: 'disabled' })).toEqual(['export']);
    expect(await listed({ status: 'enabled' })).toEqual(['mobile', 'nightly', 'portal']);
    expect(await listed({ client_kind: 'public' })).toEqual(['mobile']);
    expect(await listed({ client_kind: 'confidential' })).toEqual(['export', 'nightly', 'portal']);
    expect(await listed({ owner: keyId })).toEqual(['export', 'portal']);
    expect(await listed({ owner: 'none' })).toEqual(['mobile', 'nightly']);
  });

  it('count a never-used client as not used for 30 or 90 days', async () => {
    expect(await listed({ not_used_days: '30' })).toEqual(['export', 'nightly', 'portal']);
    expect(await listed({ not_used_days: '90' })).toEqual(['export', 'nightly']);
  });

  it('combine: every facet chosen must hold', async () => {
    expect(await listed({ grant_type: 'client_credentials', status: 'enabled' })).toEqual(['nightly']);
    expect(await listed({ owner: keyId, not_used_days: '90', client_kind: 'confidential' })).toEqual(['export']);
    expect(await listed({ organization_id: 'org_nowhere' })).toEqual([]);
  });

  it('leave out the facets not chosen, and the one skipped', () => {
    expect(clientFacetFilter({})).toEqual([]);
    expect(clientFacetFilter({ status: 'enabled', owner: 'none' }, now, 'owner')).toEqual([{ enabled: true }]);
    expect(clientFacetFilter({ grant_type: 'authorization_code' })).toEqual([{ grantTypes: { contains: '"authorization\\_code"' } }]);
  });
});

describe('the facet counts', () => {
  it('count each option with the search and the other facets applied', async () => {
    const counts = await listClientFacets(await getDb(), clientListQuerySchema.parse({ q: tag, status: 'enabled' }));
    // Status counts ignore the status chosen: they say what picking the other one would list.
    expect(counts.status).toEqual({ enabled: 3, disabled: 1 });
    // Every other facet counts the enabled clients only.
    expect(counts.grant_type).toEqual({ authorization_code: 2, client_credentials: 1, refresh_token: 1, 'urn:ietf:params:oauth:grant-type:device_code': 0 });
    expect(counts.client_kind).toEqual({ public: 1, confidential: 2 });
    expect(counts.owner).toEqual({ none: 2, [keyId]: 1 });
    expect(counts.organization_id).toEqual({ org_default: 3 });
    expect(counts.not_used_days).toEqual({ '30': 2, '90': 1 });
  });

  it('narrow by "not used" like the list does', async () => {
    const counts = await listClientFacets(await getDb(), clientListQuerySchema.parse({ q: tag, not_used_days: '90' }));
    expect(counts.status).toEqual({ enabled: 1, disabled: 1 });
    expect(counts.not_used_days).toEqual({ '30': 3, '90': 2 });
  });

  it('keep a chosen option that lists nothing, at zero', async () => {
    const counts = await listClientFacets(await getDb(), clientListQuerySchema.parse({ q: tag, owner: 'key_gone', organization_id: 'org_nowhere' }));
    expect(counts.owner).toMatchObject({ key_gone: 0 });
    expect(counts.organization_id).toEqual({ org_nowhere: 0 });
  });
});

describe('the admin API’s facet parameters', () => {
  it('refuse an unknown value, naming the parameter', () => {
    const parsed = clientCursorQuerySchema.safeParse({ grant_type: 'password', status: 'on', client_kind: 'secret', not_used_days: '7', include: 'everything' });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['grant_type', 'Use one of authorization_code, client_credentials, refresh_token, urn:ietf:params:oauth:grant-type:device_code'],
      ['status', 'Use enabled or disabled'],
      ['client_kind', 'Use public or confidential'],
      ['not_used_days', 'Use 30 or 90'],
      ['include', 'Use facets'],
    ]);
  });
});
