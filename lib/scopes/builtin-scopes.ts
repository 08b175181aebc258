/**
 * Scopes Thalamus knows out of the box. Descriptions are what the consent page shows.
 * `openid`, `profile`, `email` and `offline_access` come from OIDC Core §5.4 and §11.
 */
export const BUILTIN_SCOPES = [
  { name: 'openid', description: 'Sign you in with your Thalamus account' },
  { name: 'profile', description: 'See your name, nickname and picture' },
  { name: 'email', description: 'See your email address' },
  { name: 'offline_access', description: 'Stay signed in and act on your behalf while you are away' },
  { name: 'groups', description: 'See the groups you belong to' },
  { name: 'directory:read', description: 'Read users and groups from the directory' },
  { name: 'directory:write', description: 'Create and update users and groups in the directory' },
  { name: 'clients:read', description: 'Read OAuth client registrations' },
  { name: 'clients:write', description: 'Create, change and delete OAuth client registrations' },
  { name: 'users:read', description: 'Read user accounts, their sessions and security events' },
  { name: 'users:write', description: 'Create, change, disable, unlock and delete user accounts and end their sessions' },
  { name: 'admin', description: 'Administer Thalamus: every client, organization and admin API key' },
] as const;

/**
 * The platform-automation scope: a client_credentials token carrying it is accepted by
 * the whole admin API. Only super admins grant it to a client (the Admin Client has it).
 */
export const ADMIN_SCOPE = 'admin';

export const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access', 'groups'];

/** Scopes an access token for Thalamus's own API (the default resource) may carry. */
export const API_SCOPES = ['directory:read', 'directory:write', 'clients:read', 'clients:write', 'users:read', 'users:write', ADMIN_SCOPE];

/** Granted to Sync Connector clients: everything LDAP/AD directory synchronization needs. */
export const DIRECTORY_SYNC_SCOPES = ['directory:read', 'directory:write'];
