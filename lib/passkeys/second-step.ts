import type { Db } from '@/lib/db/client';
import { CONSOLE_CLIENT_ID } from '@/lib/clients/default-clients';
import { issuer } from '@/lib/config/env';
import { mustEnrollMfa } from '@/lib/mfa/second-factor';
import { getBooleanSetting, SETTINGS } from '@/lib/settings/settings';

export type AfterPassword = { next: 'done' } | { next: 'mfa'; factors: { totp: boolean; passkey: boolean } } | { next: 'enroll' } | { next: 'refused'; message: string };

const ADMIN_ROLES = new Set(['admin', 'super_admin']);

export const ADMIN_PASSKEY_MISSING = 'Administrators sign in to the console with a passkey. Add one on your account page (/account), then sign in to the console with it.';

/** The authorization request a sign-in is for: the console's own, or an application's (or the account page's). */
export interface SignInFor {
  clientId: string;
  redirectUri: string;
}

/**
 * Whether this sign-in is an administrator's to the console while the installation
 * requires passkeys for them. The account page signs in with the console's client too,
 * but to its own callback: it stays open to a password, or nobody could add a passkey.
 */
export async function adminPasskeyRequired(db: Db, user: { role: string }, request: SignInFor): Promise<boolean> {
  return isConsoleSignIn(request) && ADMIN_ROLES.has(user.role) && (await getBooleanSetting(db, SETTINGS.adminPasskeysRequired));
}

/** Whether the authorization request is the console's own sign-in (not the account page's, not an application's). */
export function isConsoleSignIn(request: SignInFor): boolean {
  return request.clientId === CONSOLE_CLIENT_ID && request.redirectUri === `${issuer()}/api/auth/callback/thalamus`;
}

/**
 * What follows a correct password. A passkey stands in for the authenticator code: with
 * two-step verification on (or required) and a passkey registered, the second step offers
 * "Use a passkey"; required and no second factor at all, the person enrolls one. An
 * administrator signing in to the console while passkeys are required for administrators
 * must finish with a passkey, and without one is sent to add it on the account page
 * first (as Okta's and Entra's phishing-resistant policies do: no weaker fallback).
 */
export async function afterPassword(db: Db, user: { id: string; role: string; mfaRequired: boolean; totpEnabledAt: Date | null }, request: SignInFor): Promise<AfterPassword> {
  const passkey = (await db.passkey.count({ where: { userId: user.id } })) > 0;
  if (await adminPasskeyRequired(db, user, request)) return passkey ? { next: 'mfa', factors: { totp: false, passkey } } : { next: 'refused', message: ADMIN_PASSKEY_MISSING };
  if (user.totpEnabledAt) return { next: 'mfa', factors: { totp: true, passkey } };
  const required = await mustEnrollMfa(db, user);
  if (required && passkey) return { next: 'mfa', factors: { totp: false, passkey } };
  return required ? { next: 'enroll' } : { next: 'done' };
}
