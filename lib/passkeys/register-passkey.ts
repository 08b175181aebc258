import { generateRegistrationOptions, verifyRegistrationResponse, type PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import type { Db } from '@/lib/db/client';
import { parseInput, ServiceError } from '@/lib/errors/service-error';
import { newId } from '@/lib/secrets/ids';
import { recordSecurityEvent } from '@/lib/security-events/record-security-event';
import type { AccountActor, RequestContext } from '@/lib/account/request-context';
import { registerPasskeySchema } from './passkey-schemas';
import { relyingParty } from './relying-party';
import { saveChallenge, takeChallenge } from './passkey-challenges';

const MAX_PASSKEYS = 20;
const registrationKey = (sessionUid: string) => `register:${sessionUid}`;

/**
 * Step one of "Add a passkey": creation options for navigator.credentials.create(). A
 * discoverable credential (residentKey "required") so it can sign in without an email,
 * with user verification required, so it counts as two factors (WebAuthn §6.2.3).
 * Passkeys already registered are excluded: the same authenticator is not added twice.
 */
export async function startPasskeyRegistration(db: Db, actor: AccountActor, input: unknown): Promise<PublicKeyCredentialCreationOptionsJSON> {
  // The name is checked before the authenticator is asked, so a bad one costs no ceremony.
  parseInput(registerPasskeySchema.pick({ name: true }), input, 'The passkey was not added');
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: { id: true, email: true, name: true, passkeys: { select: { credentialId: true, transports: true } } },
  });
  if (user.passkeys.length >= MAX_PASSKEYS) throw new ServiceError('conflict', `You have ${MAX_PASSKEYS} passkeys already: remove one first`);
  const rp = relyingParty();
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.email,
    userDisplayName: user.name || user.email,
    // The user handle is the opaque user id, never the email (WebAuthn §14.6.1).
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    excludeCredentials: user.passkeys.map((p) => ({ id: p.credentialId, transports: JSON.parse(p.transports) })),
  });
  await saveChallenge(registrationKey(actor.sessionUid), { challenge: options.challenge, accountId: user.id });
  return options;
}

const REFUSED = 'The passkey was not added. Try again.';

/**
 * Step two: checks the authenticator's answer (challenge, origin, RP ID, user
 * verification; WebAuthn §7.1) and stores the credential with the name given.
 */
export async function finishPasskeyRegistration(db: Db, actor: AccountActor, input: unknown, context: RequestContext): Promise<{ name: string }> {
  const { name, response } = parseInput(registerPasskeySchema, input, REFUSED);
  const pending = await takeChallenge(registrationKey(actor.sessionUid));
  if (!pending || pending.accountId !== actor.userId) throw new ServiceError('invalid_request', 'The passkey set-up expired. Choose “Add a passkey” again.');
  const rp = relyingParty();
  let verification;
  try {
    verification = await verifyRegistrationResponse({
      response,
      expectedChallenge: pending.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
    });
  } catch (error) {
    throw new ServiceError('invalid_request', `${REFUSED} (${error instanceof Error ? error.message : 'verification failed'})`);
  }
  if (!verification.verified) throw new ServiceError('invalid_request', REFUSED);
  const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;
  if (await db.passkey.findUnique({ where: { credentialId: credential.id }, select: { id: true } })) throw new ServiceError('conflict', 'This passkey is registered already.');
  await db.$transaction(async (tx) => {
    const passkey = await tx.passkey.create({
      data: {
        id: newId('pk'),
        userId: actor.userId,
        credentialId: credential.id,
        publicKey: credential.publicKey,
        counter: credential.counter,
        transports: JSON.stringify(credential.transports ?? response.response.transports ?? []),
        deviceType: credentialDeviceType,
        backedUp: credentialBackedUp,
        name,
      },
    });
    await recordSecurityEvent(tx, {
      type: 'passkey.registered',
      userId: actor.userId,
      email: actor.email,
      ...context,
      detail: { passkey_id: passkey.id, name, device_type: credentialDeviceType },
    });
  });
  return { name };
}
