import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { databaseTarget } from '@/lib/db/database-url';
import { applyMigrations } from '@/lib/db/migrations';
import { DEFAULT_CLIENTS } from '@/lib/clients/default-clients';
import { bootstrap } from './bootstrap';

afterAll(closeDb);

// scripts/test.mjs has already run `thalamus setup` on this database once.
describe('setup on an existing installation', () => {
  it('applies no migration twice', async () => {
    expect(await applyMigrations(databaseTarget())).toEqual([]);
  });

  it('changes nothing and reveals no secret', async () => {
    const db = await getDb();
    const before = await Promise.all([db.key.count(), db.oAuthClient.count(), db.clientSecret.count(), db.user.count(), db.organization.count()]);
    const report = await bootstrap(db);
    expect(report).toEqual({ created: [], revealed: [] });
    expect(await Promise.all([db.key.count(), db.oAuthClient.count(), db.clientSecret.count(), db.user.count(), db.organization.count()])).toEqual(before);
  });

  it('has provisioned every default client, protected and in the default organization', async () => {
    const db = await getDb();
    const rows = await db.oAuthClient.findMany({ where: { isDefault: true }, orderBy: { clientId: 'asc' } });
    expect(rows.map((r) => r.clientId)).toEqual(DEFAULT_CLIENTS.map((c) => c.clientId).sort());
    expect(new Set(rows.map((r) => r.organizationId))).toEqual(new Set(['org_default']));
  });
});
