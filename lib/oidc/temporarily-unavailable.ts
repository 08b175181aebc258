import { errors, type default as Provider } from 'oidc-provider';
import { isDatabaseUnavailable } from '@/lib/db/database-unavailable';
import { log } from '@/lib/log/logger';
import { answeredAs } from './provider-internals';

/** Seconds a client is asked to wait before trying again (RFC 9110 §10.2.3). */
export const RETRY_AFTER_SECONDS = 5;

/**
 * The database cannot be reached: 503 `temporarily_unavailable` (RFC 6749 §4.1.2.1) with
 * Retry-After instead of a 500 `server_error`, so clients and load balancers retry
 * rather than report a bug. It is never sent to a client's redirect URI: during an
 * outage the user sees Thalamus's own error page, and no application acts on an outage
 * as if it were an authorization response.
 */
export class TemporarilyUnavailable extends errors.OIDCProviderError {
  constructor(cause: unknown) {
    super(503, 'temporarily_unavailable', { cause });
    answeredAs(this, { showDescription: true, redirect: false });
    this.error_description = 'The authorization server cannot reach its database; try again in a few seconds';
  }
}

/** The error to throw on: TemporarilyUnavailable for a database outage, the error itself otherwise. */
export function asProviderError(error: unknown): unknown {
  if (error instanceof TemporarilyUnavailable || !isDatabaseUnavailable(error)) return error;
  log.warn('database unavailable; answering 503', { error: (error instanceof Error ? error.message : String(error)).split('\n')[0]!.slice(0, 200) });
  return new TemporarilyUnavailable(error);
}

/** An adapter whose methods report a database outage as TemporarilyUnavailable. */
export function reportingOutages<T extends object>(adapter: T): T {
  return new Proxy(adapter, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => unknown).apply(target, args);
        } catch (error) {
          throw asProviderError(error);
        }
      };
    },
  });
}

/** Every 503 the provider answers says when to try again. */
export function retryAfterOutages(provider: Provider): void {
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.status === 503) ctx.set('Retry-After', String(RETRY_AFTER_SECONDS));
  });
}
