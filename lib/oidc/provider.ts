import Provider from 'oidc-provider';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { issuer } from '@/lib/config/env';
import { getDb } from '@/lib/db/client';
import { ensureKeys, loadKeys } from '@/lib/keys/keys';
import { clientSecretMatches } from '@/lib/clients/client-secret';
import { log } from '@/lib/log/logger';
import { providerConfiguration } from './configuration';
import { clientSecretDigests } from './client-metadata';
import { purgeExpired } from './adapter';
import { useStandardTokenErrors } from './token-error-codes';

export interface MountedProvider {
  provider: Provider;
  /** Koa's request listener, built once. */
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
}

const PURGE_INTERVAL_MS = 10 * 60 * 1000;

const globalForProvider = globalThis as unknown as { thalamusProvider?: Promise<MountedProvider> };

/**
 * The one provider instance of this process, created on first use. Creating it loads
 * the persisted keys; building `callback()` once keeps Koa's middleware composition
 * out of the request path.
 */
export function getProvider(): Promise<MountedProvider> {
  globalForProvider.thalamusProvider ??= createProvider().catch((error: unknown) => {
    globalForProvider.thalamusProvider = undefined;
    throw error;
  });
  return globalForProvider.thalamusProvider;
}

async function createProvider(): Promise<MountedProvider> {
  const db = await getDb();
  await ensureKeys(db);
  const provider = new Provider(issuer(), providerConfiguration(await loadKeys(db)));

  // Behind a TLS-terminating proxy the request arrives over http; X-Forwarded-Proto
  // tells Koa the scheme the client used (the bridge sets it for direct requests).
  provider.proxy = true;
  useStandardTokenErrors(provider);

  // Secrets are stored as digests (see lib/secrets). The library's default compares
  // the plaintext it was given, so client authentication is redirected to the digests.
  provider.Client.prototype.compareClientSecret = function compareClientSecret(this: InstanceType<typeof provider.Client>, actual: string) {
    return Promise.resolve(clientSecretMatches(actual, clientSecretDigests(this)));
  };

  provider.on('server_error', (ctx, error) => log.error('oidc server_error', { path: ctx.path, error: error.message }));
  provider.on('grant.error', (ctx, error) => {
    if ((error as { statusCode?: number }).statusCode === 500) log.error('oidc grant error', { path: ctx.path, error: error.message });
  });

  const purge = setInterval(() => {
    purgeExpired().catch((error: unknown) => log.warn('purge of expired artefacts failed', { error: String(error) }));
  }, PURGE_INTERVAL_MS);
  purge.unref();

  return { provider, handle: provider.callback() as MountedProvider['handle'] };
}
