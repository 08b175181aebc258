import { versionedChange } from '@/lib/db/versioned-change';

/**
 * A settings row whose value changes whenever a client changes in a way the token
 * endpoint must see (edit, disable, delete, a new secret). Running servers cache clients
 * and poll this one row to drop their cache, so a change made by another instance or by
 * the CLI takes effect everywhere within a second (see lib/oidc/client-cache.ts).
 */
export const CLIENTS_VERSION_KEY = 'clients.version';

const clients = versionedChange(CLIENTS_VERSION_KEY);

/** Calls `listener` after every client change this process commits (the provider's client cache drops its entries at once). */
export const onClientsChanged = clients.onChanged;

/** The one way to change clients: the change and the version bump commit together, then listeners hear of it. */
export const changeClients = clients.change;

export const readClientsVersion = clients.read;
