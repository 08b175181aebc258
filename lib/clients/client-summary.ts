import type { Client } from 'oidc-provider';

/** What the hosted pages show of a client: its name and logo. */
export interface ClientSummary {
  clientId: string;
  name: string;
  logoUri: string | null;
}

/**
 * The summary of a client as the provider loaded it (lib/oidc/client-cache.ts serves it
 * from memory, so a hosted page costs no read of the clients table; a change to the
 * client reaches the cache as it reaches the provider).
 */
export function clientSummary(client: Pick<Client, 'clientId' | 'clientName' | 'logoUri'>): ClientSummary {
  return { clientId: client.clientId, name: client.clientName ?? client.clientId, logoUri: client.logoUri ?? null };
}
