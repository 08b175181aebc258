import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { CLI_ACTOR } from '@/lib/audit/record-audit';
import { createUser } from '@/lib/users/create-user';
import { changeSignInPolicy } from './sign-in-policies';

afterAll(closeDb);

async function superAdmin() {
  const db = await getDb();
  const user = await createUser(db, { email: `policy-${randomUUID()}@example.test`, role: 'super_admin', password: 'a super admin password here' }, CLI_ACTOR);
  return { type: 'admin' as const, id: user.id, label: user.email };
}

// The audited change itself is tested through the console (e2e/console/sign-in-policies.spec.ts),
// where no other test flips the installation's settings meanwhile.
describe('changeSignInPolicy', () => {
  it('refuses to require passkeys of administrators for one who has none, and bad input, naming the field', async () => {
    const db = await getDb();
    const actor = await superAdmin();
    await expect(changeSignInPolicy(db, actor, { policy: 'adminPasskeysRequired', enabled: true })).rejects.toMatchObject({ fields: [{ path: 'adminPasskeysRequired' }] });
    await expect(changeSignInPolicy(db, actor, { policy: 'everything', enabled: true })).rejects.toMatchObject({ fields: [{ path: 'policy' }] });
    // Nothing was written for this administrator (the setting itself is shared by other tests running beside this one).
    expect(await db.auditEvent.count({ where: { actorId: actor.id, action: 'settings.changed' } })).toBe(0);
  });
});
