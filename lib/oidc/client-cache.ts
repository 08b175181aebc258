import type { Client } from 'oidc-provider';
import { getDb } from '@/lib/db/client';
import { onClientsChanged, readClientsVersion } from '@/lib/clients/clients-version';
import { asProviderError } from './temporarily-unavailable';
import type { FindClient } from './provider-internals';

/** How often a server asks whether any client changed (one indexed read of one row). */
const VERSION_CHECK_MS = 1_000;
/**
 * Upper bound on how long a cached client is used. Changes reach the cache through the
 * version check (and at once in the process that made them), and a replaced secret's end
 * is checked when the client authenticates (liveSecretDigests), so this is only a safety
 * net for a database edited behind Thalamus's back.
 */
const MAX_AGE_MS = 60_000;
/** Enough for every client of a large installation; the oldest entry goes first. */
const MAX_ENTRIES = 10_000;

type CachedClient = { client: Client; expiresAt: number };

interface ClientCache {
  /** Clients of the provider instance mounted last (a key rotation mounts a new one). */
  entries: Map<string, CachedClient>;
  /** The clients version last read, and when. */
  version?: string;
  checkedAt: number;
  checking?: Promise<void>;
  /** Subscribed to client changes made in this process (once, however often this module loads). */
  subscribed?: boolean;
}

// On globalThis: Next.js may load this module more than once in one process.
const state = globalThis as unknown as { thalamusClientCache?: ClientCache };
const cache: ClientCache = (state.thalamusClientCache ??= { entries: new Map(), checkedAt: 0 });
// A client change committed in this process drops the cache at once (changeClients).
if (!cache.subscribed) {
  onClientsChanged(forgetCachedClients);
  cache.subscribed = true;
}

/**
 * The provider's client lookup, served from memory (installed by provider-internals.ts).
 * Without it every token request reads the clients table and, past the library's own
 * 100-entry cache, re-validates the client's metadata: that was most of the token
 * endpoint's cost with many clients. Unknown client IDs are never cached. Changes made
 * in this process drop the cache at once (forgetCachedClients); changes made elsewhere
 * (another instance, the CLI) are seen through the clients version row within
 * VERSION_CHECK_MS.
 */
export function cachingClientFind(find: FindClient): FindClient {
  // Client instances belong to one provider instance: each gets its own map.
  const entries = new Map<string, CachedClient>();
  cache.entries = entries;
  return async (id: string) => {
    await checkVersion().catch((error: unknown) => {
      throw asProviderError(error);
    });
    const now = Date.now();
    const hit = entries.get(id);
    if (hit && now < hit.expiresAt) return hit.client;
    const client = await find(id);
    entries.delete(id);
    if (client) {
      if (entries.size >= MAX_ENTRIES) entries.delete(entries.keys().next().value!);
      // Each entry lives 80–100 % of MAX_AGE_MS: clients first cached together (at start,
      // or after a change dropped the cache) would otherwise all be re-read and
      // re-validated in the same instant, a stall that shows in the token endpoint's p99.
      entries.set(id, { client, expiresAt: now + MAX_AGE_MS * (0.8 + 0.2 * Math.random()) });
    }
    return client;
  };
}

/** Drops every cached client (called after a client changes in this process). */
export function forgetCachedClients(): void {
  cache.entries.clear();
}

function checkVersion(): Promise<void> {
  if (Date.now() - cache.checkedAt < VERSION_CHECK_MS) return Promise.resolve();
  cache.checking ??= (async () => {
    try {
      const version = await readClientsVersion(await getDb());
      if (version !== cache.version) forgetCachedClients();
      cache.version = version;
      cache.checkedAt = Date.now();
    } catch (error) {
      // The database is unreachable: serve nothing stale; the caller's own query fails the request cleanly.
      forgetCachedClients();
      throw error;
    } finally {
      cache.checking = undefined;
    }
  })();
  return cache.checking;
}
