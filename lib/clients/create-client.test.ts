import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { ServiceError } from '@/lib/errors/service-error';
import { createClient } from './create-client';
import { deleteClient } from './delete-client';

afterAll(closeDb);

const actor = { type: 'cli' as const, label: 'test' };
const body = { name: 'Audited', grant_types: ['client_credentials' as const], scopes: ['clients:read'] };

describe('createClient', () => {
  it('writes the client, its secret digest and an audit event together, and the event holds no secret', async () => {
    const db = await getDb();
    const { client_secret, ...client } = await createClient(db, body, actor);
    expect(client_secret).toMatch(/^thcs_/);
    const events = await db.auditEvent.findMany({ where: { targetId: client.client_id } });
    expect(events.map((e) => e.action)).toEqual(['client.created']);
    expect(events[0]!.changes).toContain('"name":"Audited"');
    expect(events[0]!.changes).not.toContain(client_secret!);
    expect(await db.clientSecret.count({ where: { clientId: client.client_id } })).toBe(1);
    await deleteClient(db, client.client_id, actor);
    expect(await db.clientSecret.count({ where: { clientId: client.client_id } })).toBe(0);
  });

  it('writes nothing when the input is refused', async () => {
    const db = await getDb();
    const before = await Promise.all([db.oAuthClient.count(), db.clientSecret.count(), db.auditEvent.count()]);
    await expect(createClient(db, { ...body, organization_id: 'org_missing' }, actor)).rejects.toBeInstanceOf(ServiceError);
    await expect(createClient(db, { ...body, grant_types: [] }, actor)).rejects.toMatchObject({ fields: [{ path: 'grant_types' }] });
    expect(await Promise.all([db.oAuthClient.count(), db.clientSecret.count(), db.auditEvent.count()])).toEqual(before);
  });
});
