import Provider from 'oidc-provider';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { env, issuer } from '@/lib/config/env';
import { getDb } from '@/lib/db/client';
import { ensureKeys, KEY_RELOAD_INTERVAL_SECONDS, keySetVersion, loadKeys, type KeyMaterial } from '@/lib/keys/keys';
import { dropExpiredKeys } from '@/lib/keys/rotate-keys';
import { log } from '@/lib/log/logger';
import { startMailWorker } from '@/lib/mail/mail-queue';
import { currentResourceRegistry, type ResourceRegistry } from '@/lib/resources/resource-registry';
import { providerConfiguration } from './configuration';
import { purgeExpired } from './adapter';
import { purgeExpiredUserTokens } from '@/lib/account-links/user-tokens';
import { purgeAccountHistory } from '@/lib/security-events/purge-history';
import { countProviderMetrics } from '@/lib/observability/provider-metrics';
import { cachingClientFind } from './client-cache';
import { defaultScopeToRegistered } from './default-scope';
import { checkClientSecret } from './client-secret-check';
import { patchProvider } from './provider-internals';
import { clientGetsSid } from './client-metadata';
import { retryAfterOutages } from './temporarily-unavailable';
import { answerUnknownPaths } from './unknown-path';
import { reportReusedDpopProofs } from './dpop-replay';
import { countActivity } from '@/lib/overview/activity-counts';
import { trackSessionActivity } from '@/lib/account/session-activity';
import { enforceDevicePolling } from './device-polling';
import { notifyClientsOnSignOut } from '@/lib/backchannel-logout/on-sign-out';
import { startLogoutWorker } from '@/lib/backchannel-logout/logout-queue';

export interface MountedProvider {
  provider: Provider;
  /** Koa's request listener, built once. */
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
}

interface ProviderState {
  mounted?: Promise<MountedProvider>;
  /** Version of the key set the mounted provider was built with. */
  keyVersion?: string;
  keys?: KeyMaterial;
  /** Version of the scope registry (resources.version) the mounted provider serves. */
  registryVersion?: string;
  timersStarted?: boolean;
}

const state = ((globalThis as unknown as { thalamusProvider?: ProviderState }).thalamusProvider ??= {});

/**
 * The one provider instance of this process, created on first use. Creating it loads
 * the persisted keys; building `callback()` once keeps Koa's middleware composition
 * out of the request path. After a key rotation a new instance replaces it (see
 * reloadIfKeysChanged); requests already running finish on the old one.
 */
export async function getProvider(): Promise<MountedProvider> {
  state.mounted ??= startProvider().catch((error: unknown) => {
    state.mounted = undefined;
    throw error;
  });
  const mounted = await state.mounted;
  return (await remountIfRegistryChanged()) ?? mounted;
}

/**
 * The provider's scope list is fixed when it is constructed, so a change to the scope
 * registry or an API (made here, by another instance or the CLI) is served by a new
 * instance, like a key rotation. The registry is held in memory and its version row read
 * at most once a second (resource-registry.ts), so this costs requests nothing otherwise.
 */
async function remountIfRegistryChanged(): Promise<MountedProvider | undefined> {
  const registry = await currentResourceRegistry(getDb);
  if (registry.version === state.registryVersion || !state.keys) return undefined;
  const mounted = mountProvider(state.keys, registry);
  state.mounted = Promise.resolve(mounted);
  state.registryVersion = registry.version;
  return mounted;
}

async function startProvider(): Promise<MountedProvider> {
  const db = await getDb();
  await ensureKeys(db);
  const dropped = await dropExpiredKeys(db);
  if (dropped.length) log.info('dropped retired keys past their retention window', { kids: dropped.map((k) => k.kid) });
  const keys = await loadKeys(db);
  const registry = await currentResourceRegistry(getDb);
  const mounted = mountProvider(keys, registry);
  state.keyVersion = keys.version;
  state.keys = keys;
  state.registryVersion = registry.version;
  startTimers();
  return mounted;
}

/**
 * oidc-provider reads its keys once, when it is constructed, so a rotation (made by
 * the CLI, possibly against another instance's database) is picked up by building a
 * new provider. Every instance checks the key set's version on a timer, so the
 * request path never queries the keys table and a rotation reaches every server
 * within KEY_RELOAD_INTERVAL_SECONDS. Everything else a provider holds lives in the
 * database, so swapping instances loses nothing.
 */
async function reloadIfKeysChanged(): Promise<void> {
  const db = await getDb();
  if ((await keySetVersion(db)) === state.keyVersion) return;
  const keys = await loadKeys(db);
  const registry = await currentResourceRegistry(getDb);
  state.mounted = Promise.resolve(mountProvider(keys, registry));
  state.keyVersion = keys.version;
  state.keys = keys;
  state.registryVersion = registry.version;
  log.info('key set changed; provider reloaded', { signing_kids: keys.jwks.keys.map((k) => k.kid), cookie_keys: keys.cookieKeys.length });
}

function startTimers() {
  if (state.timersStarted) return;
  state.timersStarted = true;
  const reload = setInterval(() => {
    reloadIfKeysChanged().catch((error: unknown) => log.warn('key set check failed; keeping the current keys', { error: String(error) }));
  }, KEY_RELOAD_INTERVAL_SECONDS * 1000);
  const purge = setInterval(() => {
    purgeExpired().catch((error: unknown) => log.warn('purge of expired artefacts failed', { error: String(error) }));
    getDb()
      .then((db) => Promise.all([purgeExpiredUserTokens(db), purgeAccountHistory(db)]))
      .catch((error: unknown) => log.warn('purge of expired emailed links and account history failed', { error: String(error) }));
  }, env().PURGE_INTERVAL_SECONDS * 1000);
  reload.unref();
  purge.unref();
  // Delivers queued mail whose first attempt failed (lib/mail/mail-queue.ts).
  startMailWorker();
  // Retries back-channel logout deliveries that failed (lib/backchannel-logout/logout-queue.ts).
  startLogoutWorker();
}

function mountProvider(keys: KeyMaterial, registry: ResourceRegistry): MountedProvider {
  const provider = new Provider(issuer(), providerConfiguration(keys, registry));

  // Behind a TLS-terminating proxy the request arrives over http; X-Forwarded-Proto
  // tells Koa the scheme the client used (the bridge sets it for direct requests).
  provider.proxy = true;
  // Secret checks against stored digests, the client cache, RFC 6749 error codes.
  patchProvider(provider, { checkClientSecret, wrapClientFind: cachingClientFind, includeSid: clientGetsSid });
  retryAfterOutages(provider);
  answerUnknownPaths(provider);
  defaultScopeToRegistered(provider);
  reportReusedDpopProofs(provider);
  // When and where each sign-in session was last used (the account page's Sessions list).
  trackSessionActivity(provider);
  // RFC 8628 §3.5: the device grant's polling interval and slow_down.
  enforceDevicePolling(provider);
  // OIDC Back-Channel Logout 1.0: signing out tells the clients (lib/backchannel-logout).
  notifyClientsOnSignOut(provider);

  provider.on('server_error', (ctx, error) => log.error('oidc server_error', { path: ctx.path, error: error.message }));
  // Prometheus counters of token requests and provider errors (/metrics).
  countProviderMetrics(provider);
  // The console overview's counts of the day (lib/overview/activity-counts.ts).
  provider.on('grant.success', () => countActivity('token_issued'));
  provider.on('grant.error', (ctx, error) => {
    countActivity('token_failed');
    if ((error as { statusCode?: number }).statusCode === 500) log.error('oidc grant error', { path: ctx.path, error: error.message });
  });

  return { provider, handle: provider.callback() as MountedProvider['handle'] };
}
