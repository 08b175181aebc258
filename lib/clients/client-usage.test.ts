import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { CLI_ACTOR } from '@/lib/audit/record-audit';
import { createClient } from './create-client';
import { forgetUsageWrites, noteClientUse, USAGE_WRITE_INTERVAL_MS } from './client-usage';

afterAll(closeDb);

const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

describe('noteClientUse', () => {
  it('records the first use, then at most one write a minute', async () => {
    const db = await getDb();
    const client = await createClient(db, { name: `Usage ${randomUUID()}`, grant_types: ['client_credentials'], scopes: ['directory:read'] }, CLI_ACTOR);
    forgetUsageWrites();
    const first = new Date('2030-01-01T00:00:00Z');
    noteClientUse(client.client_id, first);
    await settle();
    expect((await db.clientUsage.findUnique({ where: { clientId: client.client_id } }))?.lastUsedAt).toEqual(first);

    noteClientUse(client.client_id, new Date(first.getTime() + 1000));
    await settle();
    expect((await db.clientUsage.findUnique({ where: { clientId: client.client_id } }))?.lastUsedAt).toEqual(first);

    const later = new Date(first.getTime() + USAGE_WRITE_INTERVAL_MS);
    noteClientUse(client.client_id, later);
    await settle();
    expect((await db.clientUsage.findUnique({ where: { clientId: client.client_id } }))?.lastUsedAt).toEqual(later);
  });
});
