'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import type { PublicKeyCredentialCreationOptionsJSON } from '@simplewebauthn/server';
import { getDb } from '@/lib/db/client';
import { ServiceError } from '@/lib/errors/service-error';
import { clientAddress } from '@/lib/http/client-address';
import { readAccountSession } from '@/lib/account/account-session';
import { finishPasskeyRegistration, startPasskeyRegistration } from '@/lib/passkeys/register-passkey';
import { removePasskey } from '@/lib/passkeys/remove-passkey';
import type { AccountActionState as State } from '@/components/account/account-action-state';

// Public endpoints: each finds the signed-in person from this browser's Thalamus session
// and hands its input, unparsed, to lib/passkeys, which validates it.

const SIGNED_OUT = 'You are signed out. Reload the page to sign in again.';

async function context() {
  const incoming = await headers();
  return { address: clientAddress({ headers: incoming }), userAgent: incoming.get('user-agent') ?? '' };
}

function actorOf(account: NonNullable<Awaited<ReturnType<typeof readAccountSession>>>) {
  return { userId: account.user.id, email: account.user.email, sessionId: account.sessionId, sessionUid: account.sessionUid };
}

function problem(error: unknown): State {
  if (!(error instanceof ServiceError)) throw error;
  const fieldErrors = Object.fromEntries(error.fields.map((f) => [f.path, f.message]));
  return { error: error.fields.length ? undefined : error.message, fieldErrors };
}

/** "Add a passkey", step one: the options the browser passes to the authenticator. */
export async function passkeyRegistrationOptions(input: unknown): Promise<State & { options?: PublicKeyCredentialCreationOptionsJSON }> {
  const account = await readAccountSession();
  if (!account) return { error: SIGNED_OUT };
  try {
    return { options: await startPasskeyRegistration(await getDb(), actorOf(account), input) };
  } catch (error) {
    return problem(error);
  }
}

/** Step two: the authenticator's answer and the name chosen for the passkey. */
export async function addPasskey(input: unknown): Promise<State> {
  const account = await readAccountSession();
  if (!account) return { error: SIGNED_OUT };
  try {
    const { name } = await finishPasskeyRegistration(await getDb(), actorOf(account), input, await context());
    revalidatePath('/account');
    return { message: `Passkey “${name}” added.` };
  } catch (error) {
    return problem(error);
  }
}

export async function removeOwnPasskey(_previous: State, form: FormData): Promise<State> {
  const account = await readAccountSession();
  if (!account) return { error: SIGNED_OUT };
  try {
    const name = await removePasskey(await getDb(), account.user.id, { passkeyId: form.get('passkeyId') }, { owner: await context() });
    revalidatePath('/account');
    return { message: `Passkey “${name}” removed.` };
  } catch (error) {
    return problem(error);
  }
}
