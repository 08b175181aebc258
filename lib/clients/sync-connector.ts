import { DIRECTORY_SYNC_SCOPES } from '@/lib/scopes/builtin-scopes';
import type { ClientCreateInput } from './client-schema';

/**
 * A Sync Connector Client is what an LDAP/Active Directory synchronization agent
 * needs: a confidential machine client with the client credentials grant and the
 * directory scopes. The administrator only names it.
 */
export function syncConnectorClient(name: string, description = ''): ClientCreateInput {
  return {
    name,
    description,
    client_type: 'sync_connector',
    application_type: 'web',
    token_endpoint_auth_method: 'client_secret_basic',
    grant_types: ['client_credentials'],
    redirect_uris: [],
    scopes: [...DIRECTORY_SYNC_SCOPES],
    require_consent: false,
    access_token_format: 'jwt',
  };
}
