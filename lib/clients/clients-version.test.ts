import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { changeClients, onClientsChanged, readClientsVersion } from './clients-version';

afterAll(closeDb);

describe('changeClients', () => {
  it('bumps the clients version and tells listeners once the change has committed', async () => {
    const db = await getDb();
    const before = await readClientsVersion(db);
    const seen: string[] = [];
    // What a listener reads is what any other request would read: the committed version.
    const stop = onClientsChanged(() => void readClientsVersion(db).then((version) => seen.push(version)));
    try {
      await changeClients(db, async (tx) => {
        await tx.setting.findUnique({ where: { key: 'clients.version' } });
        expect(seen).toEqual([]);
      });
      await expect.poll(() => seen.length).toBe(1);
    } finally {
      stop();
    }
    expect(seen[0]).not.toBe(before);
    expect(await readClientsVersion(db)).toBe(seen[0]);
  });

  it('neither bumps the version nor tells listeners when the change fails', async () => {
    const db = await getDb();
    const before = await readClientsVersion(db);
    let heard = 0;
    const stop = onClientsChanged(() => heard++);
    try {
      await expect(changeClients(db, async () => Promise.reject(new Error('refused')))).rejects.toThrow('refused');
    } finally {
      stop();
    }
    expect(heard).toBe(0);
    expect(await readClientsVersion(db)).toBe(before);
  });
});
