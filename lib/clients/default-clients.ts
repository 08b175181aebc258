import { issuer } from '@/lib/config/env';
import { API_SCOPES, DIRECTORY_SYNC_SCOPES } from '@/lib/scopes/builtin-scopes';
import { parseInput } from '@/lib/errors/service-error';
import { checkFieldCombinations, clientCreateSchema, clientFieldsSchema, type ClientCreateInput } from './client-schema';
import type { StoredClientFields } from './client-record';

export const DEFAULT_ORGANIZATION_ID = 'org_default';

export const CONSOLE_CLIENT_ID = 'thalamus-console';

/** Why the console's own client cannot be disabled: the services refuse it and the console does not offer it. */
export const CONSOLE_CLIENT_DISABLE_REFUSAL = 'The Thalamus Console client cannot be disabled: administrators sign in with it';

/** Why a default client cannot be deleted: the services refuse it and the console does not offer it. */
export const DEFAULT_CLIENT_DELETE_REFUSAL = 'Default clients cannot be deleted: the console, the mobile and desktop apps and directory sync need them';

/**
 * Where a default client sends users' sign-ins and what it may ask for: only a super
 * admin changes these (lib/clients/update-client.ts enforces it; the console form locks
 * and confirms the same fields).
 */
export const DEFAULT_CLIENT_GUARDED_FIELDS = ['redirect_uris', 'post_logout_redirect_uris', 'scopes'] as const;

/** The console client's fields Thalamus keeps on APP_URL itself (lib/setup/bootstrap.ts). */
export const CONSOLE_CLIENT_MANAGED_FIELDS = ['redirect_uris', 'post_logout_redirect_uris'] as const;

/** The platform-automation credential: its client_credentials tokens carry the `admin` scope. */
export const ADMIN_CLIENT_ID = 'thalamus_admin_client';

export interface DefaultClient {
  clientId: string;
  /**
   * The client's fields, as any client is registered with them (clientCreateSchema); a
   * function because the console's redirect URIs follow APP_URL.
   */
  fields: () => ClientCreateInput;
  /** Environment variable that may supply the secret of a confidential default client. */
  secretEnv?: 'THALAMUS_ADMIN_CLIENT_SECRET' | 'THALAMUS_SYNC_CLIENT_SECRET';
}

/**
 * Clients provisioned at setup. They are required by the console, the mobile and
 * desktop apps and directory synchronization, so they cannot be deleted and their
 * identity fields (client ID, type, grant types) cannot change.
 */
export const DEFAULT_CLIENTS: DefaultClient[] = [
  {
    clientId: ADMIN_CLIENT_ID,
    fields: () => ({
      name: 'Admin Client',
      description: 'Administrative API access (client credentials).',
      application_type: 'web',
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['client_credentials'],
      scopes: API_SCOPES,
      client_type: 'custom',
      // Administrative access should end the moment it is revoked: opaque tokens are
      // checked against the database on every use, self-contained JWTs are not.
      access_token_format: 'opaque',
    }),
    secretEnv: 'THALAMUS_ADMIN_CLIENT_SECRET',
  },
  {
    clientId: 'thalamus_sync_client',
    fields: () => ({
      name: 'Sync Service Client',
      description: 'Directory synchronization (client credentials).',
      application_type: 'web',
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['client_credentials'],
      scopes: DIRECTORY_SYNC_SCOPES,
      client_type: 'sync_connector',
      access_token_format: 'jwt',
    }),
    secretEnv: 'THALAMUS_SYNC_CLIENT_SECRET',
  },
  {
    clientId: 'thalamus-mobile-app',
    fields: () => ({
      name: 'Thalamus Mobile App',
      description: 'End-user sign-in from the mobile app (public client, PKCE).',
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      // A private-use URI scheme in reverse-domain form (RFC 8252 §7.1).
      redirect_uris: ['com.thalamus.mobile:/oauth/callback'],
      post_logout_redirect_uris: ['com.thalamus.mobile:/oauth/signed-out'],
      scopes: ['openid', 'profile', 'email', 'offline_access'],
      client_type: 'custom',
      access_token_format: 'jwt',
    }),
  },
  {
    clientId: 'thalamus-desktop-agent',
    fields: () => ({
      name: 'Thalamus Desktop Agent',
      description: 'End-user sign-in from the desktop agent (public native client, loopback redirect).',
      application_type: 'native',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      // Loopback redirect; any port is accepted at authorization time (RFC 8252 §7.3).
      redirect_uris: ['http://127.0.0.1/callback'],
      post_logout_redirect_uris: ['http://127.0.0.1/signed-out'],
      scopes: ['openid', 'profile', 'email', 'offline_access'],
      client_type: 'custom',
      access_token_format: 'jwt',
    }),
  },
  {
    clientId: CONSOLE_CLIENT_ID,
    fields: () => ({
      name: 'Thalamus Console',
      description: "The admin console's own sign-in.",
      application_type: 'web',
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['authorization_code'],
      // The console's sign-in (next-auth) and the account page's (lib/account/account-sign-in.ts).
      redirect_uris: [`${issuer()}/api/auth/callback/thalamus`, `${issuer()}/account/callback`],
      post_logout_redirect_uris: [`${issuer()}/`],
      scopes: ['openid', 'profile', 'email'],
      client_type: 'custom',
      access_token_format: 'jwt',
    }),
  },
];

/** The rules a client's whole record is held to: every client's, except the console's redirect-URI policy (below). */
export function clientRulesFor(clientId: string) {
  return clientId === CONSOLE_CLIENT_ID ? clientFieldsSchema.superRefine(checkFieldCombinations) : clientCreateSchema;
}

/**
 * A default client's fields, parsed like any client's (the same schema, defaults and
 * rules), in the default organization. One exception: the console's redirect URIs are
 * not held to the redirect-URI policy (https for web applications). They follow APP_URL,
 * which is plain http on a developer's machine (http://localhost:3000), and Thalamus
 * keeps them in step itself (CONSOLE_CLIENT_MANAGED_FIELDS).
 */
export function defaultClientFields(client: DefaultClient): StoredClientFields {
  const schema = clientRulesFor(client.clientId);
  return { ...parseInput(schema, client.fields(), `The default client ${client.clientId} has invalid fields`), organization_id: DEFAULT_ORGANIZATION_ID };
}

export const DEFAULT_CLIENT_IDS = new Set(DEFAULT_CLIENTS.map((c) => c.clientId));
