import { issuer } from '@/lib/config/env';
import { CONSOLE_CLIENT_ID } from '@/lib/clients/default-clients';

/** Signing out of the console also ends the single sign-on session at the provider. */
export function consoleLogoutUrl(): string {
  const base = issuer();
  const params = new URLSearchParams({ client_id: CONSOLE_CLIENT_ID, post_logout_redirect_uri: `${base}/` });
  return `${base}/oauth/logout?${params}`;
}
