import 'server-only';
import { headers } from 'next/headers';
import { errors, type InteractionResults } from 'oidc-provider';
import { getProvider } from './provider';
import { createNodeExchange } from './node-bridge';
import { clientAddress, requestProtocol } from '@/lib/http/client-address';
import { PrismaAdapter } from './adapter';
import { grantMissingConsent, missingConsentScopes } from './provider-internals';
import { clientSummary, type ClientSummary } from '@/lib/clients/client-summary';

/**
 * The hosted pages' view of an oidc-provider interaction (a sign-in, MFA or consent
 * step the provider is waiting for). The provider identifies the interaction by a
 * signed cookie scoped to /interaction/<uid>; these helpers hand it the cookies of the
 * current page request or server action.
 */
export class InteractionExpired extends Error {
  constructor() {
    super('This sign-in request has expired or was already completed');
  }
}

async function exchangeFor(uid: string) {
  const incoming = await headers();
  return createNodeExchange('GET', `/interaction/${uid}`, incoming, undefined, {
    protocol: requestProtocol({ headers: incoming }),
    remoteAddress: clientAddress({ headers: incoming }),
  });
}

export async function interactionDetails(uid: string) {
  const { provider } = await getProvider();
  const { req, res } = await exchangeFor(uid);
  try {
    const details = await provider.interactionDetails(req, res);
    if (details.uid !== uid) throw new InteractionExpired();
    return details;
  } catch (error) {
    if (error instanceof errors.SessionNotFound || error instanceof InteractionExpired) throw new InteractionExpired();
    throw error;
  }
}

export type InteractionDetails = Awaited<ReturnType<typeof interactionDetails>>;

/** The client an interaction is for, as the provider sees it; undefined when it is gone or disabled. */
export async function interactionClient(details: InteractionDetails): Promise<ClientSummary | undefined> {
  const { provider } = await getProvider();
  const client = await provider.Client.find(String(details.params.client_id));
  return client ? clientSummary(client) : undefined;
}

/**
 * Records the outcome on the interaction already read for this request (as the provider's
 * interactionResult does, without reading it again) and returns where the browser goes
 * next: the provider's resume URL.
 */
export async function finishInteraction(details: InteractionDetails, result: InteractionResults): Promise<string> {
  details.result = result;
  await details.save(details.exp - Math.floor(Date.now() / 1000));
  return details.returnTo;
}

/**
 * Grants what the consent prompt of `details` asks for. Returns the grant's id (for
 * finishInteraction's `consent` result) and the OIDC scopes granted, or undefined when
 * the interaction's grant is gone.
 */
export async function grantConsent(details: InteractionDetails, accountId: string) {
  const { provider } = await getProvider();
  return grantMissingConsent(provider, details, accountId);
}

/**
 * The scopes the consent page lists: those the user has not granted yet, or, when the
 * page is asked for although nothing is missing (`prompt=consent`, OIDC Core §3.1.2.1,
 * for a client the user consented to before or one that skips consent), every scope
 * the request asks for: the user is asked to confirm them all again.
 */
export function consentScopes(details: InteractionDetails): string[] {
  const missing = missingConsentScopes(details);
  if (missing.length) return missing;
  return typeof details.params.scope === 'string' ? [...new Set(details.params.scope.split(' ').filter(Boolean))] : [];
}

/**
 * Progress of one sign-in between steps (password checked, second factor pending,
 * enrollment secret), kept server-side next to the provider's artefacts, never in
 * the browser.
 */
export interface LoginState {
  accountId: string;
  /** Authentication methods completed so far (RFC 8176 values). */
  amr: string[];
  step: 'mfa' | 'enroll' | 'recovery-codes' | 'done';
  /** The second factors the `mfa` step offers (absent: an authenticator code only). */
  factors?: { totp: boolean; passkey: boolean };
  /** Secret being enrolled, until the first code confirms it. */
  pendingTotpSecret?: string;
  /** Recovery codes to show once after enrollment. */
  recoveryCodes?: string[];
}

const loginStates = new PrismaAdapter('LoginState');
const LOGIN_STATE_TTL = 10 * 60;

export async function readLoginState(uid: string): Promise<LoginState | undefined> {
  return (await loginStates.find(uid)) as LoginState | undefined;
}

export async function saveLoginState(uid: string, state: LoginState): Promise<void> {
  await loginStates.upsert(uid, state as never, LOGIN_STATE_TTL);
}

export async function clearLoginState(uid: string): Promise<void> {
  await loginStates.destroy(uid);
}
