import { DEVICE_CODE_GRANT, type GrantType } from './client-schema';

/** The product's words for protocol values, used by the console. */
export const GRANT_TYPE_LABELS: Record<GrantType, string> = {
  authorization_code: 'Authorization Code',
  client_credentials: 'Client Credentials',
  refresh_token: 'Refresh Token',
  [DEVICE_CODE_GRANT]: 'Device Code',
};

export const RETIRED_GRANT_TYPE_LABELS = { password: 'Password', implicit: 'Implicit' } as const;

export const RETIRED_REASON = 'Removed by the OAuth 2.0 Security Best Current Practice (RFC 9700)';

export const DEFAULT_CLIENT_REASON =
  'Default client: the console, the mobile and desktop apps and directory sync depend on it, so it cannot be deleted and its client type, application type and grant types are fixed.';

/** Why the console's "Require PKCE" switch is fixed on for public clients (the schema refuses it off). */
export const PUBLIC_CLIENT_PKCE_REASON =
  'Always on for a public client: it has no secret, so PKCE is what binds the code to the app that asked for it (RFC 9700 §2.1.1, OAuth 2.1).';

/** When a confidential client may go without PKCE, shown beside the switch. */
export const OPTIONAL_PKCE_HINT =
  'Keep it on. Turn it off only for a server-side app whose library cannot send code_challenge: the client secret alone then protects the code exchange.';
