/**
 * The OAUTH2_* variables a service keeps (the integration guide's names), one source for
 * the guide and the console's show-once secret dialog.
 */
export interface OAuthEndpoints {
  issuer: string;
  authorize: string;
  token: string;
}

/** The authorization and token endpoints under an issuer (lib/oidc/configuration.ts routes). */
export function oauthEndpoints(issuer: string): OAuthEndpoints {
  const base = issuer.replace(/\/+$/, '');
  return { issuer: base, authorize: `${base}/oauth/authorize`, token: `${base}/oauth/token` };
}

export interface ServiceCredentials {
  client_id: string;
  client_secret?: string;
  /** The client's first redirect URI; a client with none (client credentials only) has no line for it. */
  redirect_uri?: string;
}

/** A `.env` block for one client: the lines it needs, nothing it has not got. */
export function envBlock(issuer: string, credentials: ServiceCredentials): string {
  const endpoints = oauthEndpoints(issuer);
  const lines: [string, string | undefined][] = [
    ['OAUTH2_CLIENT_ID', credentials.client_id],
    ['OAUTH2_CLIENT_SECRET', credentials.client_secret],
    ['OAUTH2_REDIRECT_URI', credentials.redirect_uri],
    ['OAUTH2_AUTHORIZE_URL', endpoints.authorize],
    ['OAUTH2_TOKEN_URL', endpoints.token],
  ];
  return lines
    .filter((line): line is [string, string] => !!line[1])
    .map(([name, value]) => `${name}=${value}`)
    .join('\n');
}
