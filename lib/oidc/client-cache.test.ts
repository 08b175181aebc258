import type Provider from 'oidc-provider';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { changeClients } from '@/lib/clients/clients-version';
import { cacheClients } from './client-cache';

afterAll(closeDb);

describe('the client cache', () => {
  it('drops its clients as soon as a change to clients commits in this process', async () => {
    const reads: string[] = [];
    const client = { clientId: 'cached-client' };
    // A stand-in for the provider's Client class: only `find` is used.
    const Client = { find: async (id: string) => (reads.push(id), client) } as unknown as Provider['Client'];
    cacheClients(Client);

    await Client.find('cached-client');
    await Client.find('cached-client');
    expect(reads).toHaveLength(1);

    await changeClients(await getDb(), async () => undefined);
    await Client.find('cached-client');
    expect(reads).toHaveLength(2);
  });
});
