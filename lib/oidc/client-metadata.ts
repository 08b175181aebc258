import type { Client } from 'oidc-provider';
import type { ExtraClientMetadata } from '@/lib/clients/extra-client-metadata';

/**
 * Thalamus's extra metadata on a provider client: declared in
 * lib/clients/extra-client-metadata.ts, written by toProviderMetadata and validated by
 * the provider (extraClientMetadata in configuration.ts) before a Client exists.
 */
function extra(client: Client): ExtraClientMetadata {
  return client as unknown as ExtraClientMetadata;
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

/** Clients told of sign-outs by back-channel logout (lib/backchannel-logout) get `sid` in their ID tokens, to match logout tokens to sessions. */
export function clientGetsSid(client: Client): boolean {
  return extra(client).thalamus_backchannel_logout === true;
}

export function clientAccessTokenFormat(client: Client | undefined): 'jwt' | 'opaque' {
  return client && extra(client).thalamus_access_token_format === 'opaque' ? 'opaque' : 'jwt';
}

/** The API a request without `resource` gets its token for, if the client has one. */
export function clientDefaultResource(client: Client | undefined): string | undefined {
  return (client && extra(client).thalamus_default_resource) || undefined;
}

/**
 * Digests of the secrets that work at `now`. A secret replaced with an overlap ends at a
 * set time; that is checked here, when the client authenticates, so a client held in
 * memory stops accepting it on time however long it has been cached.
 */
export function liveSecretDigests(client: Client | object, now = Date.now()): string[] {
  return (extra(client as Client).thalamus_secrets ?? []).filter((s) => s.ends_at === null || s.ends_at > now).map((s) => s.digest);
}
