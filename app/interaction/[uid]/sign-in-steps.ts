import 'server-only';
import { headers } from 'next/headers';
import { redirect, RedirectType } from 'next/navigation';
import { z } from 'zod';
import { getDb } from '@/lib/db/client';
import { clientAddress } from '@/lib/http/client-address';
import { clearLoginState, finishInteraction, interactionDetails, InteractionExpired, type InteractionDetails, type LoginState } from '@/lib/oidc/interaction';
import { countSignIn } from '@/lib/overview/count-sign-in';
import { recordSecurityEvent, type SecurityEventInput } from '@/lib/security-events/record-security-event';
import type { InteractionActionState as State } from '@/lib/oidc/interaction-action-state';

// Shared by the password, code and passkey steps of the hosted sign-in (not a 'use server'
// file: nothing here is an endpoint of its own).

export const uidSchema = z.string().regex(/^[\w-]{10,64}$/);
export const EXPIRED: State = { error: 'This sign-in request has expired. Return to the application and start again.' };

/**
 * Runs a step of a live interaction of this browser; an expired or unknown one answers
 * EXPIRED. The interaction is read once and handed to the step, which finishes it on
 * that same copy (each read is a database round trip, and a step used to make five).
 */
export async function withInteraction(rawUid: unknown, work: (uid: string, details: InteractionDetails) => Promise<State>): Promise<State> {
  const uid = uidSchema.safeParse(rawUid);
  if (!uid.success) return EXPIRED;
  try {
    const details = await interactionDetails(uid.data);
    return await work(uid.data, details);
  } catch (error) {
    if (error instanceof InteractionExpired) return EXPIRED;
    throw error;
  }
}

/**
 * Where a finished step goes next: the provider's resume endpoint. With JavaScript the
 * form's own code follows `redirectTo` with a full navigation (the endpoint answers with a
 * redirect to the application, which the client router must not fetch). A plain HTML form
 * post (no JavaScript, no `Next-Action` header) gets a 303 straight to it instead of the
 * page again.
 */
export async function continueAt(state: State): Promise<State> {
  if (state.redirectTo && !(await headers()).has('next-action')) redirect(state.redirectTo, RedirectType.push);
  return state;
}

/** Where this request came from, for its security events (OWASP Logging Cheat Sheet). */
export async function requestContext(): Promise<{ address: string; userAgent: string }> {
  const request = await headers();
  return { address: clientAddress({ headers: request }), userAgent: request.get('user-agent') ?? '' };
}

/** A security event of this sign-in, with the browser's address and user agent. */
export async function signInEvent(event: Omit<SecurityEventInput, 'address' | 'userAgent'>): Promise<void> {
  await recordSecurityEvent(await getDb(), { ...event, ...(await requestContext()) });
}

/**
 * The sign-in is done: the provider gets the account and the methods used (RFC 8176 `amr`).
 * `email` is the account's, when the step already read it (for the security event).
 */
export async function completeLogin(details: InteractionDetails, state: Pick<LoginState, 'accountId' | 'amr'>, email?: string): Promise<State> {
  await clearLoginState(details.uid);
  countSignIn(details);
  const address = email ?? (await (await getDb()).user.findUnique({ where: { id: state.accountId }, select: { email: true } }))?.email;
  await signInEvent({ type: 'sign_in.succeeded', userId: state.accountId, email: address, detail: { client_id: String(details.params.client_id ?? ''), amr: state.amr } });
  const redirectTo = await finishInteraction(details, { login: { accountId: state.accountId, amr: state.amr, remember: true } });
  return { redirectTo };
}
