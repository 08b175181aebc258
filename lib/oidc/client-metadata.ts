import type { Client } from 'oidc-provider';

/**
 * Typed access to Thalamus's extra client metadata (see extraClientMetadata in
 * configuration.ts and toProviderMetadata in lib/clients).
 */
type Extra = {
  thalamus_require_consent?: boolean;
  thalamus_require_pkce?: boolean;
  thalamus_access_token_format?: 'jwt' | 'opaque';
  thalamus_secret_digests?: string[];
  thalamus_first_party?: boolean;
};

function extra(client: Client): Extra {
  return client as unknown as Extra;
}

/** PKCE is required for public clients always, and for confidential clients unless switched off (RFC 9700 §2.1.1). */
export function clientRequiresPkce(client: Client): boolean {
  return client.tokenEndpointAuthMethod === 'none' || extra(client).thalamus_require_pkce !== false;
}

/**
 * Consent is asked when the administrator switched "Require User Consent" on, and for
 * native apps other than Thalamus's own: another app on the device could claim their
 * redirect URI, so the user confirms who they are signing in to (RFC 8252 §8.6).
 */
export function clientRequiresConsent(client: Client): boolean {
  if (extra(client).thalamus_require_consent === true) return true;
  return client.applicationType === 'native' && extra(client).thalamus_first_party !== true;
}

export function clientAccessTokenFormat(client: Client | undefined): 'jwt' | 'opaque' {
  return client && extra(client).thalamus_access_token_format === 'opaque' ? 'opaque' : 'jwt';
}

export function clientSecretDigests(client: Client): string[] {
  return extra(client).thalamus_secret_digests ?? [];
}
