import { createHash } from 'node:crypto';
import type Provider from 'oidc-provider';
import type { KoaContextWithOIDC } from 'oidc-provider';
import { PrismaAdapter } from './adapter';

/**
 * The polling rules of the device authorization grant (RFC 8628 §3.2, §3.5), which
 * oidc-provider leaves to the server: the device authorization response names the
 * `interval` a device waits between token requests, and a device that polls faster is
 * told `slow_down` (and must add 5 seconds to its interval) instead of
 * `authorization_pending`.
 *
 * When each device code was last polled is kept in the database (the generic provider
 * table, keyed by a digest of the code), so the rule holds across several instances.
 */
export const DEVICE_POLL_INTERVAL_SECONDS = 5;

const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const lastPolls = new PrismaAdapter('DevicePoll');

export function enforceDevicePolling(provider: Provider): void {
  provider.use(async (ctx, next) => {
    await next();
    const oidc = (ctx as KoaContextWithOIDC).oidc;
    if (!oidc) return;
    if (oidc.route === 'device_authorization' && ctx.status === 200 && isObject(ctx.body)) {
      ctx.body = { ...ctx.body, interval: DEVICE_POLL_INTERVAL_SECONDS };
      return;
    }
    if (oidc.route !== 'token' || oidc.params?.grant_type !== DEVICE_CODE_GRANT) return;
    if (!isObject(ctx.body) || ctx.body.error !== 'authorization_pending') return;
    if (await polledTooSoon(String(oidc.params.device_code))) {
      ctx.body = { error: 'slow_down', error_description: `poll at most every ${DEVICE_POLL_INTERVAL_SECONDS} seconds, and add 5 seconds to your interval now` };
    }
  });
}

/** Records this poll; true when the previous one was less than the interval ago. */
async function polledTooSoon(deviceCode: string): Promise<boolean> {
  const id = createHash('sha256').update(deviceCode).digest('base64url');
  const previous = (await lastPolls.find(id)) as { at?: number } | undefined;
  const now = Date.now();
  // A little slack for the network: a device that waited the interval is never refused.
  const tooSoon = typeof previous?.at === 'number' && now - previous.at < DEVICE_POLL_INTERVAL_SECONDS * 1000 - 500;
  await lastPolls.upsert(id, { at: now } as never, 10 * 60);
  return tooSoon;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Buffer.isBuffer(value);
}
