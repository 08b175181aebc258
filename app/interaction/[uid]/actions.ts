'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { authenticate } from '@/lib/users/authenticate';
import { verifySecondFactor, confirmTotpEnrollment } from '@/lib/mfa/second-factor';
import { afterPassword } from '@/lib/passkeys/second-step';
import { newTotpSecret } from '@/lib/mfa/totp';
import { takeAttempt, clearAttempts } from '@/lib/throttle/rate-limit';
import { rememberConsent } from '@/lib/consent/remembered-consent';
import { clientAddress } from '@/lib/http/client-address';
import { clearLoginState, finishInteraction, grantConsent, interactionDetails, InteractionExpired, readLoginState, saveLoginState } from '@/lib/oidc/interaction';
import { completeLogin, continueAt, EXPIRED, signInEvent, uidSchema, withInteraction } from './sign-in-steps';
import type { InteractionActionState as State } from '@/lib/oidc/interaction-action-state';
import { countActivity } from '@/lib/overview/count-sign-in';
import { MFA_LIMIT, mfaAccountKey } from '@/lib/users/account-lock';
import { GROUP_ACCESS_PROMPT } from '@/lib/groups/group-access-prompt';

// Every export here is a public endpoint: each validates its own input and checks
// that the interaction (bound to this browser by the provider's signed cookie) exists.

const signInSchema = z.object({
  email: z.string().trim().min(1, 'Enter your email').max(254, 'Use at most 254 characters'),
  password: z.string().min(1, 'Enter your password').max(1024, 'Use at most 1024 characters'),
});
const codeSchema = z.object({ code: z.string().trim().min(1, 'Enter the code').max(32, 'That code is too long') });

function minutes(seconds: number) {
  return Math.max(1, Math.ceil(seconds / 60));
}

/** A wrong second-factor code: counted against the account like a wrong password, and recorded. */
async function mfaFailed(accountId: string, lockedOut: boolean): Promise<void> {
  const user = await (await getDb()).user.findUnique({ where: { id: accountId }, select: { email: true } });
  await signInEvent({ type: lockedOut ? 'sign_in.locked' : 'sign_in.mfa_failed', userId: accountId, email: user?.email, detail: { factor: 'mfa' } });
}

export async function signIn(uid: string, _previous: State, form: FormData): Promise<State> {
  const input = signInSchema.safeParse({ email: form.get('email'), password: form.get('password') });
  const email = String(form.get('email') ?? '').slice(0, 254);
  if (!input.success) {
    return { email, fieldErrors: Object.fromEntries(input.error.issues.map((i) => [String(i.path[0]), i.message])) };
  }
  let goTo: string | undefined;
  const result = await withInteraction(uid, async (id, details) => {
    const db = await getDb();
    const address = clientAddress({ headers: await headers() });
    const outcome = await authenticate(db, input.data.email, input.data.password, address, (await headers()).get('user-agent') ?? '');
    if (!outcome.ok) {
      countActivity('sign_in_failed');
      return outcome.reason === 'throttled'
        ? { email, error: `Too many sign-in attempts. Try again in ${minutes(outcome.retryAfter)} minute(s).` }
        : { email, error: 'Incorrect email or password.' };
    }
    const { user } = outcome;
    const { params } = details;
    const next = await afterPassword(db, user, { clientId: String(params.client_id ?? ''), redirectUri: String(params.redirect_uri ?? '') });
    if (next.next === 'refused') return { email, error: next.message };
    if (next.next === 'mfa') {
      await saveLoginState(id, { accountId: user.id, amr: ['pwd'], step: 'mfa', factors: next.factors });
      goTo = `/interaction/${id}`;
      return {};
    }
    if (next.next === 'enroll') {
      await saveLoginState(id, { accountId: user.id, amr: ['pwd'], step: 'enroll', pendingTotpSecret: newTotpSecret() });
      goTo = `/interaction/${id}`;
      return {};
    }
    return completeLogin(details, { accountId: user.id, amr: ['pwd'] }, user.email);
  });
  if (goTo) redirect(goTo);
  return continueAt(result);
}

export async function verifyMfa(uid: string, _previous: State, form: FormData): Promise<State> {
  const input = codeSchema.safeParse({ code: form.get('code') });
  if (!input.success) return { fieldErrors: { code: input.error.issues[0]!.message } };
  return continueAt(
    await withInteraction(uid, async (id, details) => {
      const state = await readLoginState(id);
      if (state?.step !== 'mfa') return EXPIRED;
      // Only the factors this step offers: not a code when a passkey is what is required.
      if (state.factors && !state.factors.totp) return { error: 'Use a passkey to finish signing in.' };
      const db = await getDb();
      const key = mfaAccountKey(state.accountId);
      const attempt = await takeAttempt(db, key, MFA_LIMIT);
      if (!attempt.allowed) {
        await mfaFailed(state.accountId, true);
        return { error: `Too many attempts. Try again in ${minutes(attempt.retryAfter)} minute(s).` };
      }
      const method = await verifySecondFactor(db, state.accountId, input.data.code);
      if (!method) {
        countActivity('sign_in_failed');
        await mfaFailed(state.accountId, false);
        return { fieldErrors: { code: 'That code is not valid. Check your authenticator app and try again.' } };
      }
      await clearAttempts(db, key);
      return completeLogin(details, { accountId: state.accountId, amr: [...state.amr, method === 'totp' ? 'otp' : 'kba'] });
    }),
  );
}

export async function confirmEnrollment(uid: string, _previous: State, form: FormData): Promise<State> {
  const input = codeSchema.safeParse({ code: form.get('code') });
  if (!input.success) return { fieldErrors: { code: input.error.issues[0]!.message } };
  return withInteraction(uid, async (id) => {
    const state = await readLoginState(id);
    if (state?.step !== 'enroll' || !state.pendingTotpSecret) return EXPIRED;
    const db = await getDb();
    const key = mfaAccountKey(state.accountId);
    const attempt = await takeAttempt(db, key, MFA_LIMIT);
    if (!attempt.allowed) return { error: `Too many attempts. Try again in ${minutes(attempt.retryAfter)} minute(s).` };
    const recoveryCodes = await confirmTotpEnrollment(db, state.accountId, state.pendingTotpSecret, input.data.code);
    if (!recoveryCodes) return { fieldErrors: { code: 'That code is not valid. Check the time on your device and try again.' } };
    await clearAttempts(db, key);
    await saveLoginState(id, { accountId: state.accountId, amr: [...state.amr, 'otp'], step: 'done' });
    return { recoveryCodes };
  });
}

/** After the recovery codes were shown: finish the sign-in enrollment interrupted. */
export async function continueAfterEnrollment(uid: string): Promise<State> {
  return continueAt(
    await withInteraction(uid, async (id, details) => {
      const state = await readLoginState(id);
      if (state?.step !== 'done') return EXPIRED;
      return completeLogin(details, state);
    }),
  );
}

export async function decideConsent(uid: string, previous: State, form: FormData): Promise<State> {
  return continueAt(await consentDecision(uid, previous, form));
}

async function consentDecision(uid: string, _previous: State, form: FormData): Promise<State> {
  const decision = z.enum(['allow', 'deny']).safeParse(form.get('decision'));
  if (!decision.success) return { error: 'Choose Allow or Deny.' };
  const parsed = uidSchema.safeParse(uid);
  if (!parsed.success) return EXPIRED;
  try {
    const details = await interactionDetails(parsed.data);
    if (details.prompt.name !== 'consent' || !details.session?.accountId) return EXPIRED;
    if (decision.data === 'deny') {
      return { redirectTo: await finishInteraction(details, { error: 'access_denied', error_description: 'The user denied the request' }) };
    }
    const accountId = details.session.accountId;
    const granted = await grantConsent(details, accountId);
    if (!granted) return EXPIRED;
    await rememberConsent(await getDb(), accountId, String(details.params.client_id), granted.oidcScopes);
    return { redirectTo: await finishInteraction(details, { consent: { grantId: granted.grantId } }) };
  } catch (error) {
    if (error instanceof InteractionExpired) return EXPIRED;
    throw error;
  }
}

/** "Cancel" on the sign-in page: the client gets access_denied (RFC 6749 §4.1.2.1). */
export async function cancelSignIn(uid: string): Promise<State> {
  return continueAt(
    await withInteraction(uid, async (id, details) => {
      await clearLoginState(id);
      return { redirectTo: await finishInteraction(details, { error: 'access_denied', error_description: 'The user cancelled the sign-in' }) };
    }),
  );
}

/** "Return to the application" from the page of a user outside the client's allowed groups: access_denied (RFC 6749 §4.1.2.1). */
export async function leaveWithoutGroupAccess(uid: string): Promise<State> {
  return continueAt(
    await withInteraction(uid, async (_id, details) => {
      if (details.prompt.name !== GROUP_ACCESS_PROMPT) return EXPIRED;
      return { redirectTo: await finishInteraction(details, { error: 'access_denied', error_description: 'The user is not a member of a group allowed to use this application' }) };
    }),
  );
}
