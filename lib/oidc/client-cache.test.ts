import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { changeClients } from '@/lib/clients/clients-version';
import { cachingClientFind } from './client-cache';

afterAll(closeDb);

describe('the client cache', () => {
  it('drops its clients as soon as a change to clients commits in this process', async () => {
    const reads: string[] = [];
    const client = { clientId: 'cached-client' };
    // A stand-in for the provider's own lookup, which reads the clients table.
    const find = cachingClientFind(async (id: string) => (reads.push(id), client as never));

    await find('cached-client');
    await find('cached-client');
    expect(reads).toHaveLength(1);

    await changeClients(await getDb(), async () => undefined);
    await find('cached-client');
    expect(reads).toHaveLength(2);
  });
});
