import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { CLI_ACTOR } from '@/lib/audit/record-audit';
import { createClient } from '@/lib/clients/create-client';
import { deleteClient } from '@/lib/clients/delete-client';
import { ServiceError } from '@/lib/errors/service-error';
import { errorResponse } from '@/lib/http/api-error';
import { createScope, deleteScope } from './scope-service';
import { clientsUsingScope, requireKnownScopes } from './known-scopes';

afterAll(closeDb);

const tag = randomBytes(3).toString('hex');

describe('requireKnownScopes', () => {
  it('accepts registered scopes and names each unknown one by its position', async () => {
    const db = await getDb();
    await expect(requireKnownScopes(db, ['openid', 'clients:read'])).resolves.toBeUndefined();
    const refused = await requireKnownScopes(db, ['openid', 'nonexist', 'profile', 'gone']).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ServiceError);
    expect(refused).toMatchObject({
      code: 'invalid_request',
      fields: [
        { path: 'scopes[1]', message: 'Unknown scope "nonexist": create it under OAuth Scopes first' },
        { path: 'scopes[3]', message: 'Unknown scope "gone": create it under OAuth Scopes first' },
      ],
    });
  });
});

describe('deleteScope', () => {
  it('refuses with 409 while a client uses the scope, naming the client; then removes it', async () => {
    const db = await getDb();
    const scope = `ledgerX${tag}:read`;
    // `_` is a character like any other: a client holding ledgerX… does not use ledger_….
    const lookalike = `ledger_${tag}:read`;
    await createScope(db, { name: scope, description: 'Read the ledger' }, CLI_ACTOR);
    await createScope(db, { name: lookalike, description: 'Another' }, CLI_ACTOR);
    const client = await createClient(db, { name: `Ledger ${tag}`, grant_types: ['client_credentials'], scopes: [scope] }, CLI_ACTOR);

    expect(await clientsUsingScope(db, scope)).toEqual([{ client_id: client.client_id, name: `Ledger ${tag}` }]);
    expect(await clientsUsingScope(db, lookalike)).toEqual([]);
    await expect(deleteScope(db, lookalike, CLI_ACTOR)).resolves.toBeUndefined();

    const refused = await deleteScope(db, scope, CLI_ACTOR).catch((error: unknown) => error);
    const response = errorResponse(refused);
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({
      error: 'conflict',
      error_description: `${scope} is still used by the client Ledger ${tag} (${client.client_id}): remove it from them first`,
      fields: [{ path: 'name', message: `Used by Ledger ${tag} (${client.client_id})` }],
    });
    expect(await db.scope.findUnique({ where: { name: scope } })).not.toBeNull();

    await deleteClient(db, client.client_id, CLI_ACTOR);
    await expect(deleteScope(db, scope, CLI_ACTOR)).resolves.toBeUndefined();
  });
});
