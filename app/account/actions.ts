'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { revalidatePath } from 'next/cache';
import { getDb, type Db } from '@/lib/db/client';
import { ServiceError } from '@/lib/errors/service-error';
import { clientAddress } from '@/lib/http/client-address';
import { endAccountSession, readAccountSession } from '@/lib/account/account-session';
import { changeOwnPassword } from '@/lib/account/change-password';
import { confirmTwoStepSetup, regenerateRecoveryCodes, startTwoStepSetup, turnOffTwoStep } from '@/lib/account/two-step';
import { removeAppAccess } from '@/lib/account/connected-apps';
import { signOutOtherSessions } from '@/lib/account/account-sessions';
import { updateUserProfile } from '@/lib/users/update-user-profile';
import { applyEmailChange, requestEmailChange, requestEmailVerification } from '@/lib/account/email-change';
import type { AccountActor, RequestContext } from '@/lib/account/request-context';
import type { AccountActionState as State } from '@/components/account/account-action-state';

// Every export here is a public endpoint: each one finds the signed-in person from this
// browser's Thalamus session itself and validates its input with the concept's schema.

const SIGNED_OUT: State = { error: 'You are signed out. Reload the page to sign in again.' };

async function withAccount(work: (db: Db, actor: AccountActor, context: RequestContext) => Promise<State>, values?: Record<string, string>): Promise<State> {
  const account = await readAccountSession();
  if (!account) return SIGNED_OUT;
  const incoming = await headers();
  const context = { address: clientAddress({ headers: incoming }), userAgent: incoming.get('user-agent') ?? '' };
  const actor = { userId: account.user.id, email: account.user.email, sessionId: account.sessionId, sessionUid: account.sessionUid };
  try {
    const state = await work(await getDb(), actor, context);
    revalidatePath('/account');
    return state;
  } catch (error) {
    if (!(error instanceof ServiceError)) throw error;
    const fieldErrors = Object.fromEntries(error.fields.map((f) => [f.path, f.message]));
    return { error: error.fields.length ? undefined : error.message, fieldErrors, values };
  }
}

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === 'string' ? value : undefined;
};

export async function saveProfile(_previous: State, form: FormData): Promise<State> {
  const input = { name: text(form, 'name'), nickname: text(form, 'nickname'), picture: text(form, 'picture') };
  return withAccount(
    async (db, actor) => {
      await updateUserProfile(db, { type: 'system', id: actor.userId, label: `${actor.email} (account page)` }, actor.userId, input);
      return { message: 'Profile saved.' };
    },
    Object.fromEntries(Object.entries(input).map(([k, v]) => [k, v ?? ''])),
  );
}

export async function changeEmail(_previous: State, form: FormData): Promise<State> {
  return withAccount(
    async (db, actor, context) => {
      const { email } = await requestEmailChange(db, actor, { email: text(form, 'email'), current: text(form, 'current') }, context);
      return { message: `We sent a link to ${email}. Your address changes when you open it.` };
    },
    { email: text(form, 'email') ?? '' },
  );
}

/** "Send a verification link" for the current, unverified address. */
export async function verifyCurrentEmail(_previous: State): Promise<State> {
  return withAccount(async (db, actor, context) => {
    const { email } = await requestEmailVerification(db, actor, context);
    return { message: `We sent a link to ${email}. Open it to confirm the address.` };
  });
}

/**
 * The verification link's confirmation. Signed in or not: the link itself proves the
 * person reads the new address, and it belongs to one account.
 */
export async function confirmEmailChange(_previous: VerifyState, form: FormData): Promise<VerifyState> {
  const incoming = await headers();
  const outcome = await applyEmailChange(
    await getDb(),
    { token: text(form, 'token') ?? '' },
    { address: clientAddress({ headers: incoming }), userAgent: incoming.get('user-agent') ?? '' },
  );
  return outcome.ok ? { done: outcome.email } : { error: LINK_PROBLEMS[outcome.reason] };
}

export interface VerifyState {
  done?: string;
  error?: string;
}

const LINK_PROBLEMS = {
  invalid: 'This link is not valid. Ask for a new one on your account page.',
  expired: 'This link has expired. Ask for a new one on your account page.',
  used: 'This link was already used.',
  taken: 'Another account uses this address now, so it cannot be yours.',
} as const;

export async function changePassword(_previous: State, form: FormData): Promise<State> {
  return withAccount(async (db, actor, context) => {
    const ended = await changeOwnPassword(db, actor, { current: text(form, 'current'), password: text(form, 'password'), confirm: text(form, 'confirm') }, context);
    return { message: ended ? `Password changed. ${ended} other session(s) signed out.` : 'Password changed.' };
  });
}

export async function startTwoStep(): Promise<State> {
  return withAccount(async (db, actor) => ({ setup: await startTwoStepSetup(db, actor) }));
}

export async function confirmTwoStep(_previous: State, form: FormData): Promise<State> {
  return withAccount(async (db, actor, context) => ({ recoveryCodes: await confirmTwoStepSetup(db, actor, { code: text(form, 'code') }, context) }));
}

export async function disableTwoStep(_previous: State, form: FormData): Promise<State> {
  return withAccount(async (db, actor, context) => {
    await turnOffTwoStep(db, actor, { proof: text(form, 'proof') }, context);
    return { message: 'Two-step verification is off.' };
  });
}

export async function newRecoveryCodes(): Promise<State> {
  return withAccount(async (db, actor, context) => ({ recoveryCodes: await regenerateRecoveryCodes(db, actor, context) }));
}

export async function removeAccess(_previous: State, form: FormData): Promise<State> {
  return withAccount(async (db, actor, context) => {
    await removeAppAccess(db, actor, { clientId: text(form, 'clientId') }, context);
    return { message: 'Access removed.' };
  });
}

export async function signOutEverywhereElse(): Promise<State> {
  return withAccount(async (db, actor, context) => {
    const ended = await signOutOtherSessions(db, actor, context);
    return { message: `Signed out of ${ended} other session(s).` };
  });
}

export async function signOut(): Promise<void> {
  await endAccountSession();
  redirect('/account/signed-out');
}
