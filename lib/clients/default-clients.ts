import { issuer } from '@/lib/config/env';
import { API_SCOPES, DIRECTORY_SYNC_SCOPES } from '@/lib/scopes/builtin-scopes';

export const DEFAULT_ORGANIZATION_ID = 'org_default';

export const CONSOLE_CLIENT_ID = 'thalamus-console';

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
  name: string;
  description: string;
  applicationType: 'web' | 'native';
  tokenEndpointAuthMethod: 'client_secret_basic' | 'none';
  grantTypes: string[];
  redirectUris: () => string[];
  postLogoutRedirectUris: () => string[];
  scopes: string[];
  clientType: 'custom' | 'sync_connector';
  accessTokenFormat: 'jwt' | 'opaque';
  /** Environment variable that may supply the secret of a confidential default client. */
  secretEnv?: 'THALAMUS_ADMIN_CLIENT_SECRET' | 'THALAMUS_SYNC_CLIENT_SECRET';
}

const none = () => [];

/**
 * Clients provisioned at setup. They are required by the console, the mobile and
 * desktop apps and directory synchronization, so they cannot be deleted and their
 * identity fields (client ID, type, grant types) cannot change.
 */
export const DEFAULT_CLIENTS: DefaultClient[] = [
  {
    clientId: ADMIN_CLIENT_ID,
    name: 'Admin Client',
    description: 'Administrative API access (client credentials).',
    applicationType: 'web',
    tokenEndpointAuthMethod: 'client_secret_basic',
    grantTypes: ['client_credentials'],
    redirectUris: none,
    postLogoutRedirectUris: none,
    scopes: API_SCOPES,
    clientType: 'custom',
    // Administrative access should end the moment it is revoked: opaque tokens are
    // checked against the database on every use, self-contained JWTs are not.
    accessTokenFormat: 'opaque',
    secretEnv: 'THALAMUS_ADMIN_CLIENT_SECRET',
  },
  {
    clientId: 'thalamus_sync_client',
    name: 'Sync Service Client',
    description: 'Directory synchronization (client credentials).',
    applicationType: 'web',
    tokenEndpointAuthMethod: 'client_secret_basic',
    grantTypes: ['client_credentials'],
    redirectUris: none,
    postLogoutRedirectUris: none,
    scopes: DIRECTORY_SYNC_SCOPES,
    clientType: 'sync_connector',
    accessTokenFormat: 'jwt',
    secretEnv: 'THALAMUS_SYNC_CLIENT_SECRET',
  },
  {
    clientId: 'thalamus-mobile-app',
    name: 'Thalamus Mobile App',
    description: 'End-user sign-in from the mobile app (public client, PKCE).',
    applicationType: 'native',
    tokenEndpointAuthMethod: 'none',
    grantTypes: ['authorization_code', 'refresh_token'],
    // A private-use URI scheme in reverse-domain form (RFC 8252 §7.1).
    redirectUris: () => ['com.thalamus.mobile:/oauth/callback'],
    postLogoutRedirectUris: () => ['com.thalamus.mobile:/oauth/signed-out'],
    scopes: ['openid', 'profile', 'email', 'offline_access'],
    clientType: 'custom',
    accessTokenFormat: 'jwt',
  },
  {
    clientId: 'thalamus-desktop-agent',
    name: 'Thalamus Desktop Agent',
    description: 'End-user sign-in from the desktop agent (public native client, loopback redirect).',
    applicationType: 'native',
    tokenEndpointAuthMethod: 'none',
    grantTypes: ['authorization_code', 'refresh_token'],
    // Loopback redirect; any port is accepted at authorization time (RFC 8252 §7.3).
    redirectUris: () => ['http://127.0.0.1/callback'],
    postLogoutRedirectUris: () => ['http://127.0.0.1/signed-out'],
    scopes: ['openid', 'profile', 'email', 'offline_access'],
    clientType: 'custom',
    accessTokenFormat: 'jwt',
  },
  {
    clientId: CONSOLE_CLIENT_ID,
    name: 'Thalamus Console',
    description: "The admin console's own sign-in.",
    applicationType: 'web',
    tokenEndpointAuthMethod: 'client_secret_basic',
    grantTypes: ['authorization_code'],
    redirectUris: () => [`${issuer()}/api/auth/callback/thalamus`],
    postLogoutRedirectUris: () => [`${issuer()}/`],
    scopes: ['openid', 'profile', 'email'],
    clientType: 'custom',
    accessTokenFormat: 'jwt',
  },
];

export const DEFAULT_CLIENT_IDS = new Set(DEFAULT_CLIENTS.map((c) => c.clientId));
