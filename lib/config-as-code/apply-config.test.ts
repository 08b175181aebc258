import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { OPERATOR_ACCESS } from '@/lib/clients/client-access';
import { createClient } from '@/lib/clients/create-client';
import { getClient } from '@/lib/clients/get-client';
import { applyConfig } from './apply-config';
import { exportConfig } from './export-config';

afterAll(closeDb);

const actor = { type: 'cli' as const, label: 'test' };
const unique = () => Math.random().toString(36).slice(2, 10);
const webClient = (clientId: string, name: string, redirect = 'https://app.example.com/callback') => ({
  client_id: clientId,
  name,
  grant_types: ['authorization_code'],
  redirect_uris: [redirect],
  scopes: ['openid'],
});

describe('applyConfig', () => {
  it('applying the export of the same database changes nothing', async () => {
    const db = await getDb();
    await createClient(db, { name: `Exported ${unique()}`, grant_types: ['client_credentials'], scopes: ['clients:read'] }, actor);
    const result = await applyConfig(db, await exportConfig(db), actor, OPERATOR_ACCESS);
    expect(result.changes).toEqual([]);
    expect(result.applied).toBe(false);
  });

  it('creates a client under the client ID the document gives, once, and returns its secret once', async () => {
    const db = await getDb();
    const clientId = `billing-${unique()}`;
    const document = { version: 1, clients: [{ client_id: clientId, name: 'Billing', grant_types: ['client_credentials'], scopes: ['clients:read'] }] };
    const first = await applyConfig(db, document, actor, OPERATOR_ACCESS);
    expect(first.changes).toMatchObject([{ action: 'create', type: 'client', key: clientId }]);
    expect(first.secrets[clientId]).toMatch(/^thcs_/);
    const second = await applyConfig(db, document, actor, OPERATOR_ACCESS);
    expect(second.changes).toEqual([]);
    expect(second.secrets).toEqual({});
  });

  it('a dry run reports a changed redirect URI as one change and writes nothing', async () => {
    const db = await getDb();
    const clientId = `web-${unique()}`;
    await applyConfig(db, { version: 1, clients: [webClient(clientId, 'Web', 'https://old.example.com/cb')] }, actor, OPERATOR_ACCESS);
    const changed = { version: 1, clients: [webClient(clientId, 'Web', 'https://new.example.com/cb')] };
    const dry = await applyConfig(db, changed, actor, OPERATOR_ACCESS, { dryRun: true });
    expect(dry.changes).toEqual([
      {
        action: 'update',
        type: 'client',
        key: clientId,
        name: 'Web',
        path: 'clients[0]',
        fields: [{ field: 'redirect_uris', added: ['https://new.example.com/cb'], removed: ['https://old.example.com/cb'] }],
      },
    ]);
    expect((await getClient(db, clientId)).redirect_uris).toEqual(['https://old.example.com/cb']);
    await applyConfig(db, changed, actor, OPERATOR_ACCESS);
    expect((await getClient(db, clientId)).redirect_uris).toEqual(['https://new.example.com/cb']);
  });

  it('writes nothing when one entry of many is refused, and names the entry', async () => {
    const db = await getDb();
    const good = `good-${unique()}`;
    const document = { version: 1, clients: [webClient(good, 'Good'), { ...webClient(`bad-${unique()}`, 'Bad'), scopes: ['no-such-scope'] }] };
    await expect(applyConfig(db, document, actor, OPERATOR_ACCESS)).rejects.toMatchObject({ fields: [{ path: 'clients[1].scopes[0]' }] });
    expect(await db.oAuthClient.count({ where: { clientId: good } })).toBe(0);
  });

  it('refuses a malformed document before looking at the database, naming the field by its JSON path', async () => {
    const db = await getDb();
    const document = { version: 1, clients: [webClient(`ok-${unique()}`, 'Ok'), webClient(`ok-${unique()}`, 'Ok'), webClient(`x-${unique()}`, 'X', 'not a uri')] };
    await expect(applyConfig(db, document, actor, OPERATOR_ACCESS)).rejects.toMatchObject({ fields: [{ path: 'clients[2].redirect_uris[0]' }] });
  });

  it('prunes a client the document leaves out, never a default client', async () => {
    const db = await getDb();
    const doomed = await createClient(db, { name: `Doomed ${unique()}`, grant_types: ['client_credentials'], scopes: ['clients:read'] }, actor);
    const document = await exportConfig(db, ['clients']);
    const kept = { ...document, clients: document.clients!.filter((c) => c.client_id !== doomed.client_id) };
    const result = await applyConfig(db, kept, actor, OPERATOR_ACCESS, { prune: true });
    expect(result.changes).toEqual([{ action: 'delete', type: 'client', key: doomed.client_id, name: doomed.name, fields: [] }]);
    expect(await db.oAuthClient.count({ where: { clientId: doomed.client_id } })).toBe(0);
    const everything = await applyConfig(db, { version: 1, clients: [] }, actor, OPERATOR_ACCESS, { prune: true, dryRun: true });
    expect(everything.changes.every((c) => c.action === 'delete' && !c.key.startsWith('thalamus'))).toBe(true);
    expect(everything.skipped).toContainEqual(expect.objectContaining({ key: 'thalamus_admin_client', reason: 'Default clients are never deleted' }));
  });

  it('builds organizations, scopes and APIs before the clients that use them, and prunes them after the clients that did', async () => {
    const db = await getDb();
    const tag = unique();
    const [org, scope, api, clientId] = [`org_${tag}`, `reports:${tag}`, `https://api-${tag}.example.com`, `uses-${tag}`];
    const built = {
      version: 1,
      organizations: [{ id: org, name: `Org ${tag}`, description: '' }],
      scopes: [{ name: scope, description: 'Read reports' }],
      resources: [{ name: 'Reports', identifier: api, scopes: [{ name: `${scope}:api`, description: 'Reports over the API' }] }],
      clients: [{ client_id: clientId, name: 'Uses all', organization_id: org, grant_types: ['client_credentials'], scopes: [scope, `${scope}:api`] }],
    };
    const created = await applyConfig(db, built, actor, OPERATOR_ACCESS);
    expect(created.changes.map((c) => `${c.action} ${c.type}`)).toEqual(['create organization', 'create scope', 'create resource', 'create client']);

    // Only what this test made is pruned: the other lists keep the rest of the database as it is.
    const everything = await exportConfig(db);
    const without = <T>(list: T[], keep: (item: T) => boolean) => list.filter(keep);
    const pruned = await applyConfig(
      db,
      {
        ...everything,
        organizations: without(everything.organizations!, (o) => o.id !== org),
        scopes: without(everything.scopes!, (s) => s.name !== scope),
        resources: without(everything.resources!, (r) => r.identifier !== api),
        clients: without(everything.clients!, (c) => c.client_id !== clientId),
      },
      actor,
      OPERATOR_ACCESS,
      { prune: true },
    );
    expect(pruned.changes.map((c) => `${c.action} ${c.type} ${c.key}`)).toEqual([
      `delete organization ${org}`,
      `delete scope ${scope}`,
      `delete resource ${api}`,
      `delete client ${clientId}`,
    ]);
    expect(await db.organization.count({ where: { id: org } })).toBe(0);
    expect(await db.scope.count({ where: { name: { in: [scope, `${scope}:api`] } } })).toBe(0);
    const events = await db.auditEvent.findMany({ where: { targetId: { in: [org, scope, api, clientId] } }, select: { action: true } });
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(['organization.created', 'scope.created', 'client.created', 'organization.deleted', 'scope.deleted', 'client.deleted']),
    );
  });
});
