import { interactionPolicy, type KoaContextWithOIDC } from 'oidc-provider';
import { getDb } from '@/lib/db/client';
import { adminPasskeyRequired, isConsoleSignIn } from '@/lib/passkeys/second-step';
import { usedPasskey } from '@/lib/passkeys/passkey-amr';

/**
 * A login-prompt check: an administrator whose session was not signed in with a passkey
 * (say, a password on the account page) signs in again before the console lets them in,
 * while the installation requires passkeys for administrators. Without it, single sign-on
 * would carry a password session into the console.
 */
export const adminPasskeyCheck = new interactionPolicy.Check('admin_passkey_required', 'Administrators sign in to the console with a passkey', async (ctx: KoaContextWithOIDC) => {
  const { session, params } = ctx.oidc;
  if (!session?.accountId) return interactionPolicy.Check.NO_NEED_TO_PROMPT;
  if (usedPasskey((session as unknown as { amr?: string[] }).amr ?? [])) return interactionPolicy.Check.NO_NEED_TO_PROMPT;
  const request = { clientId: String(params?.client_id ?? ''), redirectUri: String(params?.redirect_uri ?? '') };
  // Only the console's sign-in can need it: an application's sign-in reads nothing more.
  if (!isConsoleSignIn(request)) return interactionPolicy.Check.NO_NEED_TO_PROMPT;
  const db = await getDb();
  const user = await db.user.findUnique({ where: { id: session.accountId }, select: { role: true } });
  if (!user) return interactionPolicy.Check.NO_NEED_TO_PROMPT;
  const required = await adminPasskeyRequired(db, user, request);
  return required ? interactionPolicy.Check.REQUEST_PROMPT : interactionPolicy.Check.NO_NEED_TO_PROMPT;
});
