import { generateAuthenticationOptions, verifyAuthenticationResponse, type PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import type { Db } from '@/lib/db/client';
import { recordSecurityEvent } from '@/lib/security-events/record-security-event';
import type { RequestContext } from '@/lib/account/request-context';
import { authenticationResponseSchema } from './passkey-schemas';
import { relyingParty } from './relying-party';
import { saveChallenge, takeChallenge } from './passkey-challenges';
import { passkeyAmr } from './passkey-amr';

const signInKey = (interactionUid: string) => `sign-in:${interactionUid}`;

/**
 * Request options for navigator.credentials.get() in one sign-in interaction. Without an
 * account (the first step) any discoverable passkey of this RP may answer, so no email is
 * needed; for the second step after a password, only that account's passkeys.
 */
export async function startPasskeySignIn(db: Db, interactionUid: string, accountId?: string): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const allow = accountId ? await db.passkey.findMany({ where: { userId: accountId }, select: { credentialId: true, transports: true } }) : [];
  const options = await generateAuthenticationOptions({
    rpID: relyingParty().id,
    userVerification: 'required',
    allowCredentials: allow.map((p) => ({ id: p.credentialId, transports: JSON.parse(p.transports) })),
  });
  await saveChallenge(signInKey(interactionUid), { challenge: options.challenge, accountId });
  return options;
}

export type PasskeySignIn = { ok: true; userId: string; email: string; amr: string[] } | { ok: false; message: string };

const refused = (message: string): PasskeySignIn => ({ ok: false, message });
const SUSPENDED = 'This passkey no longer signs in: a copy of it was detected. Remove it on your account page and add it again.';

/**
 * Checks a passkey's answer (WebAuthn §7.2): the challenge this interaction was given
 * (once: it is taken as it is read, so a replayed answer finds none), the origin and RP ID
 * of APP_URL, user verification, the signature with the stored public key, and the
 * signature counter, which must grow when the authenticator keeps one (§6.1.1): one going
 * backwards means a copied authenticator, refused and recorded.
 */
export async function verifyPasskeySignIn(db: Db, interactionUid: string, input: unknown, context: RequestContext): Promise<PasskeySignIn> {
  const parsed = authenticationResponseSchema.safeParse(input);
  if (!parsed.success) return refused('The passkey’s answer was not understood. Try again.');
  const response = parsed.data;
  const pending = await takeChallenge(signInKey(interactionUid));
  if (!pending) return refused('This passkey request expired or was answered already. Try again.');
  const passkey = await db.passkey.findUnique({ where: { credentialId: response.id }, include: { user: { select: { email: true, disabled: true } } } });
  if (!passkey) return refused('This passkey is not registered with Thalamus (it may have been removed). Sign in another way.');
  if (pending.accountId && passkey.userId !== pending.accountId) return refused('This passkey belongs to another account.');
  if (response.response.userHandle && response.response.userHandle !== Buffer.from(passkey.userId).toString('base64url'))
    return refused('This passkey belongs to another account.');
  if (passkey.user.disabled) return refused('This account is disabled. Contact your administrator.');
  if (passkey.suspendedAt) return refused(SUSPENDED);

  const rp = relyingParty();
  let info;
  try {
    const verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: pending.challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: true,
      // The counter rule is applied below, so that a clone is told apart and recorded.
      credential: { id: passkey.credentialId, publicKey: new Uint8Array(passkey.publicKey), counter: 0, transports: JSON.parse(passkey.transports) },
    });
    if (!verification.verified) return refused('The passkey’s signature is not valid.');
    info = verification.authenticationInfo;
  } catch (error) {
    return refused(`The passkey was refused: ${describe(error)}`);
  }

  const event = { userId: passkey.userId, email: passkey.user.email, ...context };
  if ((passkey.counter > 0 || info.newCounter > 0) && info.newCounter <= passkey.counter) {
    // Suspended, not just refused once: the copy's counter would pass the stored one after a few uses.
    await db.$transaction(async (tx) => {
      await tx.passkey.update({ where: { id: passkey.id }, data: { suspendedAt: new Date() } });
      await recordSecurityEvent(tx, {
        type: 'passkey.clone_detected',
        ...event,
        detail: { passkey_id: passkey.id, name: passkey.name, stored_counter: passkey.counter, presented_counter: info.newCounter },
      });
    });
    return refused(
      'This passkey was refused: its signature counter went backwards, a sign that the authenticator was copied. It no longer signs in: remove it on your account page and add it again.',
    );
  }
  // Conditional on the counter read above: of two concurrent uses of one answer, one wins.
  const { count } = await db.passkey.updateMany({
    where: { id: passkey.id, counter: passkey.counter },
    data: { counter: info.newCounter, lastUsedAt: new Date(), backedUp: info.credentialBackedUp, deviceType: info.credentialDeviceType },
  });
  if (count !== 1) return refused('This passkey was used at the same moment elsewhere. Try again.');
  const amr = passkeyAmr(info.credentialDeviceType, info.userVerified);
  await recordSecurityEvent(db, { type: 'passkey.used', ...event, detail: { passkey_id: passkey.id, name: passkey.name, amr } });
  return { ok: true, userId: passkey.userId, email: passkey.user.email, amr };
}

/** The library's reasons, in the page's words (it names the value it expected). */
function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/challenge/i.test(message)) return 'it answers another sign-in request.';
  if (/origin/i.test(message)) return `it was made for another site, not ${relyingParty().origin}.`;
  if (/RP ID/i.test(message)) return `it was made for another domain, not ${relyingParty().id}.`;
  if (/user could not be verified|user verification/i.test(message)) return 'your device did not verify you (PIN or biometrics).';
  if (/signature/i.test(message)) return 'its signature is not valid.';
  return 'it could not be verified.';
}
