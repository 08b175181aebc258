import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { createUser } from '@/lib/users/create-user';
import { totpCodeAt } from '@/lib/mfa/totp';
import { confirmTwoStepSetup, regenerateRecoveryCodes, startTwoStepSetup, turnOffTwoStep } from './two-step';

afterAll(closeDb);

const context = { address: '203.0.113.9', userAgent: 'Firefox/128.0' };

async function account(options: { mfaRequired?: boolean } = {}) {
  const db = await getDb();
  const email = `two-step-${randomUUID()}@example.test`;
  const user = await createUser(db, { email, password: 'a long enough password', ...options });
  return { db, actor: { userId: user.id, email, sessionId: `s-${randomUUID()}`, sessionUid: `u-${randomUUID()}` } };
}

async function turnedOn(options: { mfaRequired?: boolean } = {}) {
  const { db, actor } = await account(options);
  const setup = await startTwoStepSetup(db, actor);
  const codes = await confirmTwoStepSetup(db, actor, { code: totpCodeAt(setup.manualKey, Date.now()) }, context);
  return { db, actor, secret: setup.manualKey, codes };
}

describe('two-step verification on the account page', () => {
  it('turns on with the first code of the secret set up in this session; a wrong code or another session cannot', async () => {
    const { db, actor } = await account();
    const setup = await startTwoStepSetup(db, actor);
    expect(setup.qrSvg).toContain('<svg');
    await expect(confirmTwoStepSetup(db, actor, { code: '000000' }, context)).rejects.toMatchObject({ fields: [{ path: 'code', message: 'That code is not valid' }] });
    const code = totpCodeAt(setup.manualKey, Date.now());
    await expect(confirmTwoStepSetup(db, { ...actor, sessionUid: 'another-session' }, { code }, context)).rejects.toMatchObject({ fields: [{ path: 'code' }] });
    expect(await confirmTwoStepSetup(db, actor, { code }, context)).toHaveLength(10);
    expect(await db.securityEvent.count({ where: { userId: actor.userId, type: 'mfa.enabled' } })).toBe(1);
    await expect(startTwoStepSetup(db, actor)).rejects.toMatchObject({ code: 'conflict' });
  });

  it('turns off with the password or a code, not without proof, and never when an administrator requires it', async () => {
    const { db, actor, secret } = await turnedOn();
    await expect(turnOffTwoStep(db, actor, { proof: '' }, context)).rejects.toMatchObject({ fields: [{ path: 'proof', message: 'Enter your password or a code' }] });
    await expect(turnOffTwoStep(db, actor, { proof: 'not the password' }, context)).rejects.toMatchObject({
      fields: [{ path: 'proof', message: 'That password or code is not correct' }],
    });
    await turnOffTwoStep(db, actor, { proof: totpCodeAt(secret, Date.now() + 30_000) }, context);
    expect((await db.user.findUniqueOrThrow({ where: { id: actor.userId } })).totpEnabledAt).toBeNull();

    const byPassword = await turnedOn();
    await turnOffTwoStep(byPassword.db, byPassword.actor, { proof: 'a long enough password' }, context);
    expect(await db.securityEvent.count({ where: { userId: byPassword.actor.userId, type: 'mfa.disabled' } })).toBe(1);

    const required = await turnedOn({ mfaRequired: true });
    await expect(turnOffTwoStep(required.db, required.actor, { proof: 'a long enough password' }, context)).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('new recovery codes replace the old ones', async () => {
    const { db, actor, codes } = await turnedOn();
    const fresh = await regenerateRecoveryCodes(db, actor, context);
    expect(fresh).toHaveLength(10);
    expect(fresh).not.toContain(codes[0]);
    expect(await db.recoveryCode.count({ where: { userId: actor.userId } })).toBe(10);
  });
});
