import type { Db } from '@/lib/db/client';
import { defaultResource } from '@/lib/oidc/default-resource';
import { API_SCOPES } from '@/lib/scopes/builtin-scopes';
import { onResourcesChanged, readResourcesVersion } from './resources-version';

/** An API as the provider needs it to issue a token (getResourceServerInfo). */
export interface RegisteredResource {
  identifier: string;
  scopes: string[];
  accessTokenFormat: 'jwt' | 'opaque';
  accessTokenLifetime: number;
  protected: boolean;
}

/** Every scope and API the provider serves, read together so they agree. */
export interface ResourceRegistry {
  /** The version row it was read at ('' before the first change). */
  version: string;
  /** Every registry scope: the provider's `scopes` (OIDC, API and unattached ones). */
  scopeNames: string[];
  /** By identifier (the `resource` parameter, RFC 8707 §2). */
  resources: Map<string, RegisteredResource>;
}

/** How often a server asks whether the registry changed (one indexed read of one row). */
const VERSION_CHECK_MS = 1_000;

interface RegistryCache {
  current?: ResourceRegistry;
  checkedAt: number;
  loading?: Promise<ResourceRegistry>;
  subscribed?: boolean;
}

// On globalThis: Next.js may load this module more than once in one process.
const state = globalThis as unknown as { thalamusResourceRegistry?: RegistryCache };
const cache: RegistryCache = (state.thalamusResourceRegistry ??= { checkedAt: 0 });
if (!cache.subscribed) {
  onResourcesChanged(() => {
    cache.checkedAt = 0;
  });
  cache.subscribed = true;
}

/**
 * The registry, from memory: re-read only when the version row changed, which is checked
 * at most once every VERSION_CHECK_MS (at once after a change made in this process).
 */
export function currentResourceRegistry(db: () => Promise<Db>): Promise<ResourceRegistry> {
  if (cache.current && Date.now() - cache.checkedAt < VERSION_CHECK_MS) return Promise.resolve(cache.current);
  cache.loading ??= (async () => {
    try {
      const handle = await db();
      const version = await readResourcesVersion(handle);
      if (!cache.current || cache.current.version !== version) cache.current = await loadResourceRegistry(handle, version);
      cache.checkedAt = Date.now();
      return cache.current;
    } catch (error) {
      // The database is unreachable: the registry read last still describes it; the
      // request's own queries fail it cleanly if they must.
      if (cache.current) return cache.current;
      throw error;
    } finally {
      cache.loading = undefined;
    }
  })();
  return cache.loading;
}

export async function loadResourceRegistry(db: Db, version: string): Promise<ResourceRegistry> {
  const [scopes, resources] = await Promise.all([
    db.scope.findMany({ select: { name: true, resourceId: true }, orderBy: { name: 'asc' } }),
    db.apiResource.findMany({ select: { id: true, identifier: true, accessTokenFormat: true, accessTokenLifetime: true, protected: true } }),
  ]);
  const entries = resources
    .filter((resource) => !resource.protected)
    .map((resource): RegisteredResource => ({
      identifier: resource.identifier,
      scopes: scopes.filter((scope) => scope.resourceId === resource.id).map((scope) => scope.name),
      accessTokenFormat: resource.accessTokenFormat === 'opaque' ? 'opaque' : 'jwt',
      accessTokenLifetime: resource.accessTokenLifetime,
      protected: false,
    }));
  // Thalamus's own API answers to the current issuer's /api and serves its built-in scopes,
  // whether or not setup has provisioned its row yet (thalamus-api-resource.ts).
  const own: RegisteredResource = { identifier: defaultResource(), scopes: API_SCOPES, accessTokenFormat: 'jwt', accessTokenLifetime: 0, protected: true };
  return {
    version,
    scopeNames: scopes.map((scope) => scope.name),
    resources: new Map([...entries, own].map((resource) => [resource.identifier, resource])),
  };
}
