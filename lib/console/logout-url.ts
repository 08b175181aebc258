import { issuer } from '@/lib/config/env';
import { CONSOLE_CLIENT_ID } from '@/lib/clients/default-clients';

/**
 * Signing out of the console also ends the single sign-on session at the provider. With
 * the console's ID token as id_token_hint (OpenID Connect RP-Initiated Logout 1.0 §2) the
 * provider knows the request comes from the console the admin just clicked "Sign out" in,
 * and does not ask a second time (lib/oidc/logout-pages.ts).
 */
export function consoleLogoutUrl(idToken?: string): string {
  const base = issuer();
  const params = new URLSearchParams({ client_id: CONSOLE_CLIENT_ID, post_logout_redirect_uri: `${base}/` });
  if (idToken) params.set('id_token_hint', idToken);
  return `${base}/oauth/logout?${params}`;
}
