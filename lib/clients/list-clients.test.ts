import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { ServiceError } from '@/lib/errors/service-error';
import { DEFAULT_CLIENTS } from './default-clients';
import { clientCursorQuerySchema, clientListQuerySchema, listClients, listClientsByCursor } from './list-clients';

// Runs on the suite's database, SQLite or PostgreSQL: both must order the same rows the same way.
const tag = `sort${randomBytes(4).toString('hex')}`;
// Inserted out of name order, one second apart, the middle one disabled.
const clients = [
  { clientId: `${tag}-b`, name: `${tag} Bravo`, enabled: true, createdAt: new Date('2026-01-01T00:00:01Z') },
  { clientId: `${tag}-c`, name: `${tag} Charlie`, enabled: false, createdAt: new Date('2026-01-01T00:00:02Z') },
  { clientId: `${tag}-a`, name: `${tag} Alpha`, enabled: true, createdAt: new Date('2026-01-01T00:00:03Z') },
];

beforeAll(async () => {
  const db = await getDb();
  await db.oAuthClient.createMany({
    data: clients.map((c) => ({ ...c, organizationId: 'org_default', grantTypes: '["client_credentials"]', scopes: '["clients:read"]', responseTypes: '[]' })),
  });
});

afterAll(async () => {
  const db = await getDb();
  await db.oAuthClient.deleteMany({ where: { clientId: { startsWith: tag } } });
  await closeDb();
});

async function names(query: object) {
  const page = await listClients(await getDb(), clientListQuerySchema.parse({ q: tag, ...query }));
  return page.clients.map((c) => c.name.slice(tag.length + 1));
}

async function allByCursor(query: object) {
  const db = await getDb();
  const seen: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await listClientsByCursor(db, clientCursorQuerySchema.parse({ q: tag, limit: '1', ...query, ...(cursor ? { cursor } : {}) }));
    seen.push(...page.data.map((c) => c.name.slice(tag.length + 1)));
    cursor = page.next_cursor ?? undefined;
  } while (cursor);
  return seen;
}

describe('the client list’s order', () => {
  it('is newest first by default', async () => {
    expect(await names({})).toEqual(['Alpha', 'Charlie', 'Bravo']);
  });

  it('follows each sortable column, both ways', async () => {
    expect(await names({ sort: 'name', order: 'asc' })).toEqual(['Alpha', 'Bravo', 'Charlie']);
    expect(await names({ sort: 'name', order: 'desc' })).toEqual(['Charlie', 'Bravo', 'Alpha']);
    expect(await names({ sort: 'client_id', order: 'asc' })).toEqual(['Alpha', 'Bravo', 'Charlie']);
    expect(await names({ sort: 'created_at', order: 'asc' })).toEqual(['Bravo', 'Charlie', 'Alpha']);
    // Disabled first when ascending; ties by client ID.
    expect(await names({ sort: 'status', order: 'asc' })).toEqual(['Charlie', 'Alpha', 'Bravo']);
    expect(await names({ sort: 'status', order: 'desc' })).toEqual(['Alpha', 'Bravo', 'Charlie']);
  });

  it('carries across pages', async () => {
    expect(await names({ sort: 'name', order: 'asc', page_size: '2', page: '2' })).toEqual(['Charlie']);
  });

  it('is the same through cursor paging, one row a page, for every sort', async () => {
    for (const sort of ['name', 'client_id', 'status', 'created_at']) {
      for (const order of ['asc', 'desc']) expect(await allByCursor({ sort, order }), `${sort} ${order}`).toEqual(await names({ sort, order }));
    }
  });

  it('refuses a cursor from another order', async () => {
    const db = await getDb();
    const { next_cursor } = await listClientsByCursor(db, clientCursorQuerySchema.parse({ q: tag, limit: '1', sort: 'name' }));
    await expect(listClientsByCursor(db, clientCursorQuerySchema.parse({ q: tag, sort: 'created_at', cursor: next_cursor! }))).rejects.toBeInstanceOf(ServiceError);
  });
});

describe('the "Default clients" filter', () => {
  it('shows exactly the default clients, or every other one', async () => {
    const db = await getDb();
    const defaults = await listClients(db, clientListQuerySchema.parse({ is_default: 'true', sort: 'name', order: 'asc' }));
    expect(defaults.clients.map((c) => c.client_id).sort()).toEqual(DEFAULT_CLIENTS.map((c) => c.clientId).sort());
    const others = await listClients(db, clientListQuerySchema.parse({ is_default: 'false', q: tag }));
    expect(others.total).toBe(3);
  });
});
