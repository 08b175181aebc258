'use server';

import type { PublicKeyCredentialRequestOptionsJSON } from '@simplewebauthn/server';
import { getDb } from '@/lib/db/client';
import { readLoginState } from '@/lib/oidc/interaction';
import type { InteractionActionState as State } from '@/lib/oidc/interaction-action-state';
import { countActivity } from '@/lib/overview/count-sign-in';
import { startPasskeySignIn, verifyPasskeySignIn } from '@/lib/passkeys/passkey-sign-in';
import { completeLogin, continueAt, EXPIRED, requestContext, signInEvent, withInteraction } from './sign-in-steps';

// Public endpoints of the hosted sign-in's passkey steps: each checks that the interaction
// (bound to this browser by the provider's signed cookie) is live, and lib/passkeys checks
// the answer against the challenge this interaction was given.

/**
 * Options for navigator.credentials.get(): for the first step (the "Sign in with a passkey"
 * button and the Email field's autofill), any discoverable passkey; for the second step
 * after a password, that account's passkeys.
 */
export async function passkeySignInOptions(uid: string): Promise<State & { options?: PublicKeyCredentialRequestOptionsJSON }> {
  let options: PublicKeyCredentialRequestOptionsJSON | undefined;
  const state = await withInteraction(uid, async (id) => {
    const login = await readLoginState(id);
    if (login && !(login.step === 'mfa' && login.factors?.passkey)) return EXPIRED;
    options = await startPasskeySignIn(await getDb(), id, login?.accountId);
    return {};
  });
  return options ? { options } : state;
}

/** The passkey's answer: signs in (first step) or completes the second step. */
export async function signInWithPasskey(uid: string, response: unknown): Promise<State> {
  return continueAt(
    await withInteraction(uid, async (id, details) => {
      const login = await readLoginState(id);
      if (login && !(login.step === 'mfa' && login.factors?.passkey)) return EXPIRED;
      const db = await getDb();
      const outcome = await verifyPasskeySignIn(db, id, response, await requestContext());
      if (!outcome.ok) {
        countActivity('sign_in_failed');
        await signInEvent({ type: 'sign_in.failed', userId: login?.accountId ?? null, detail: { factor: 'passkey', reason: outcome.message } });
        return { error: outcome.message };
      }
      await db.user.update({ where: { id: outcome.userId }, data: { lastLoginAt: new Date() } });
      // After a password the passkey is the second factor: two factors whatever it is.
      const amr = login ? [...new Set([...login.amr, ...outcome.amr, 'mfa'])] : outcome.amr;
      return completeLogin(details, { accountId: outcome.userId, amr });
    }),
  );
}
