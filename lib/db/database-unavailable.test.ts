import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, createDb, getDb } from './client';
import { isDatabaseUnavailable } from './database-unavailable';

afterAll(closeDb);

describe('isDatabaseUnavailable', () => {
  it('recognises a PostgreSQL server that refuses connections, as Prisma reports it', async () => {
    // Port 1 on loopback: nothing listens, so the connection is refused at once.
    const unreachable = createDb({ provider: 'postgresql', url: 'postgresql://postgres@127.0.0.1:1/thalamus' });
    const error = await unreachable.setting.findMany().catch((e: unknown) => e);
    await unreachable.$disconnect();
    expect(error).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('does not mistake a bug or bad data for an outage', async () => {
    const db = await getDb();
    const duplicate = await db.organization.create({ data: { id: 'org_default', name: 'Twice' } }).catch((e: unknown) => e);
    expect(duplicate).toBeInstanceOf(Error);
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isDatabaseUnavailable(undefined)).toBe(false);
  });
});
