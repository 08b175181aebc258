import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { CLI_ACTOR } from '@/lib/audit/record-audit';
import { ServiceError } from '@/lib/errors/service-error';
import { createUser } from './create-user';
import { updateUserProfile } from './update-user-profile';

afterAll(closeDb);

async function newUser() {
  const db = await getDb();
  return createUser(db, { email: `profile-${randomUUID()}@example.test`, password: 'a long enough password', name: 'Ada Lovelace', nickname: 'ada' });
}

describe('updateUserProfile', () => {
  it('changes only the fields given and records what changed, before and after', async () => {
    const db = await getDb();
    const user = await newUser();
    const updated = await updateUserProfile(db, CLI_ACTOR, user.id, { name: 'Ada King', picture: 'https://example.com/ada.png' });
    expect(updated).toMatchObject({ id: user.id, name: 'Ada King', nickname: 'ada', picture: 'https://example.com/ada.png' });

    const events = await db.auditEvent.findMany({ where: { targetId: user.id, action: 'user.updated' } });
    expect(events).toHaveLength(1);
    expect(JSON.parse(events[0]!.changes)).toEqual({ before: { name: 'Ada Lovelace', picture: '' }, after: { name: 'Ada King', picture: 'https://example.com/ada.png' } });

    // '' clears a field; the same values again change nothing and write no audit row.
    await updateUserProfile(db, CLI_ACTOR, user.id, { nickname: '' });
    await updateUserProfile(db, CLI_ACTOR, user.id, { name: 'Ada King', nickname: '' });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id }, select: { nickname: true } })).toEqual({ nickname: '' });
    expect(await db.auditEvent.count({ where: { targetId: user.id, action: 'user.updated' } })).toBe(2);
  });

  it('refuses a bad picture URL as a field error and an unknown user as not_found', async () => {
    const db = await getDb();
    const user = await newUser();
    const refused = await updateUserProfile(db, CLI_ACTOR, user.id, { picture: 'javascript:alert(1)' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ServiceError);
    expect(refused).toMatchObject({ code: 'invalid_request', fields: [{ path: 'picture', message: 'Use an https:// URL (http:// only for localhost)' }] });
    await expect(updateUserProfile(db, CLI_ACTOR, 'usr_missing', { name: 'Nobody' })).rejects.toMatchObject({ code: 'not_found' });
  });
});
