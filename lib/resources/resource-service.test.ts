import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { CLI_ACTOR } from '@/lib/audit/record-audit';
import { createClient } from '@/lib/clients/create-client';
import { deleteClient } from '@/lib/clients/delete-client';
import { ServiceError } from '@/lib/errors/service-error';
import { grantableScopes } from '@/lib/scopes/known-scopes';
import { createResource, deleteResource, getResource, updateResource } from './resource-service';
import { currentResourceRegistry } from './resource-registry';

afterAll(closeDb);

const tag = randomBytes(3).toString('hex');

describe('API resources', () => {
  it('reach the registry the provider serves as soon as they are created', async () => {
    const db = await getDb();
    const identifier = `https://reports-${tag}.example.com`;
    const created = await createResource(db, { name: `Reports ${tag}`, identifier, scopes: [{ name: `reports${tag}:read`, description: 'Read reports' }] }, CLI_ACTOR);
    const registry = await currentResourceRegistry(getDb);
    expect(registry.scopeNames).toContain(`reports${tag}:read`);
    expect(registry.resources.get(identifier)).toMatchObject({ scopes: [`reports${tag}:read`], accessTokenFormat: 'jwt', accessTokenLifetime: 3600 });

    const groups = await grantableScopes(db);
    expect(groups.find((group) => group.resource === identifier)).toEqual({
      label: `Reports ${tag}`,
      resource: identifier,
      scopes: [{ name: `reports${tag}:read`, description: 'Read reports' }],
    });
    expect(groups[0]).toMatchObject({ label: 'OpenID Connect', resource: null });

    await updateResource(db, created.id, { access_token_lifetime: 600 }, CLI_ACTOR);
    expect((await getResource(db, created.id)).access_token_lifetime).toBe(600);
    expect((await currentResourceRegistry(getDb)).resources.get(identifier)?.accessTokenLifetime).toBe(600);
    await deleteResource(db, created.id, CLI_ACTOR);
    expect((await currentResourceRegistry(getDb)).resources.has(identifier)).toBe(false);
  });

  it('stay while a client holds their scopes or has them as its default API, naming the client', async () => {
    const db = await getDb();
    const identifier = `urn:test:payroll-${tag}`;
    const api = await createResource(db, { name: `Payroll ${tag}`, identifier, scopes: [{ name: `payroll${tag}:run`, description: 'Run payroll' }] }, CLI_ACTOR);
    const client = await createClient(db, { name: `Payroll job ${tag}`, grant_types: ['client_credentials'], scopes: ['openid'], default_resource: identifier }, CLI_ACTOR);

    const refused = await deleteResource(db, api.id, CLI_ACTOR).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ServiceError);
    expect(refused).toMatchObject({ code: 'conflict', fields: [{ path: 'identifier', message: `Used by Payroll job ${tag} (${client.client_id})` }] });

    await deleteClient(db, client.client_id, CLI_ACTOR);
    await expect(deleteResource(db, api.id, CLI_ACTOR)).resolves.toBeUndefined();
  });

  it('refuse a default API that does not exist, at default_resource', async () => {
    const db = await getDb();
    const refused = await createClient(db, { name: `Lost ${tag}`, grant_types: ['client_credentials'], scopes: ['openid'], default_resource: 'urn:test:nowhere' }, CLI_ACTOR).catch(
      (e: unknown) => e,
    );
    expect(refused).toMatchObject({ code: 'invalid_request', fields: [{ path: 'default_resource' }] });
  });
});
