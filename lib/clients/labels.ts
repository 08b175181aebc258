import type { GrantType } from './client-schema';

/** The product's words for protocol values, used by the console. */
export const GRANT_TYPE_LABELS: Record<GrantType, string> = {
  authorization_code: 'Authorization Code',
  client_credentials: 'Client Credentials',
  refresh_token: 'Refresh Token',
};

export const RETIRED_GRANT_TYPE_LABELS = { password: 'Password', implicit: 'Implicit' } as const;

export const RETIRED_REASON = 'Removed by the OAuth 2.0 Security Best Current Practice (RFC 9700)';

export const DEFAULT_CLIENT_REASON =
  'Default client: the console, the mobile and desktop apps and directory sync depend on it, so it cannot be deleted and its client type, application type and grant types are fixed.';
