import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { closeDb, getDb } from '@/lib/db/client';
import { CONSOLE_CLIENT_ID } from '@/lib/clients/default-clients';
import { issuer } from '@/lib/config/env';
import { createUser } from '@/lib/users/create-user';
import { setBooleanSetting, SETTINGS } from '@/lib/settings/settings';
import { newId } from '@/lib/secrets/ids';
import { afterPassword } from './second-step';
import { saveChallenge, takeChallenge } from './passkey-challenges';

afterAll(closeDb);
afterEach(async () => setBooleanSetting(await getDb(), SETTINGS.adminPasskeysRequired, false));

const app = { clientId: 'some-app', redirectUri: 'https://app.example.test/callback' };
const consoleSignIn = { clientId: CONSOLE_CLIENT_ID, redirectUri: `${issuer()}/api/auth/callback/thalamus` };
const accountPage = { clientId: CONSOLE_CLIENT_ID, redirectUri: `${issuer()}/account/callback` };

async function person(options: { role?: 'user' | 'admin'; mfaRequired?: boolean; totp?: boolean; passkey?: boolean } = {}) {
  const db = await getDb();
  const user = await createUser(db, {
    email: `second-step-${randomUUID()}@example.test`,
    password: 'a long enough password',
    role: options.role,
    mfaRequired: options.mfaRequired,
  });
  if (options.totp) await db.user.update({ where: { id: user.id }, data: { totpSecret: 'JBSWY3DPEHPK3PXP', totpEnabledAt: new Date() } });
  if (options.passkey)
    await db.passkey.create({
      data: { id: newId('pk'), userId: user.id, credentialId: randomUUID(), publicKey: new Uint8Array([1, 2, 3]), deviceType: 'singleDevice', name: 'Key' },
    });
  const row = await db.user.findUniqueOrThrow({ where: { id: user.id } });
  return { db, user: row };
}

describe('what follows a correct password', () => {
  it('is nothing more without a second factor or a requirement, even with a passkey', async () => {
    const plain = await person();
    expect(await afterPassword(plain.db, plain.user, app)).toEqual({ next: 'done' });
    const withPasskey = await person({ passkey: true });
    expect(await afterPassword(withPasskey.db, withPasskey.user, app)).toEqual({ next: 'done' });
  });

  it('offers the code and the passkey to someone with both', async () => {
    const { db, user } = await person({ totp: true, passkey: true });
    expect(await afterPassword(db, user, app)).toEqual({ next: 'mfa', factors: { totp: true, passkey: true } });
  });

  it('asks a person required to use two-step verification for their passkey instead of enrolling an app', async () => {
    const withPasskey = await person({ mfaRequired: true, passkey: true });
    expect(await afterPassword(withPasskey.db, withPasskey.user, app)).toEqual({ next: 'mfa', factors: { totp: false, passkey: true } });
    const without = await person({ mfaRequired: true });
    expect(await afterPassword(without.db, without.user, app)).toEqual({ next: 'enroll' });
  });

  it('with passkeys required for administrators: the console needs the passkey, the account page and applications do not', async () => {
    const db = await getDb();
    await setBooleanSetting(db, SETTINGS.adminPasskeysRequired, true);
    const admin = await person({ role: 'admin', totp: true });
    expect(await afterPassword(db, admin.user, consoleSignIn)).toMatchObject({ next: 'refused' });
    expect(await afterPassword(db, admin.user, accountPage)).toEqual({ next: 'mfa', factors: { totp: true, passkey: false } });
    const withPasskey = await person({ role: 'admin', totp: true, passkey: true });
    expect(await afterPassword(db, withPasskey.user, consoleSignIn)).toEqual({ next: 'mfa', factors: { totp: false, passkey: true } });
    const user = await person();
    expect(await afterPassword(db, user.user, consoleSignIn)).toEqual({ next: 'done' });
  });
});

describe('passkey challenges', () => {
  it('are answered once: of two concurrent takes, one gets the challenge', async () => {
    const key = `test:${randomUUID()}`;
    await saveChallenge(key, { challenge: 'abc' });
    const taken = await Promise.all([takeChallenge(key), takeChallenge(key)]);
    expect(taken.filter(Boolean)).toEqual([{ challenge: 'abc' }]);
    expect(await takeChallenge(key)).toBeUndefined();
  });
});
