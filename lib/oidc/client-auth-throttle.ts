import { errors } from 'oidc-provider';
import { getDb } from '@/lib/db/client';
import { takeAttempt, type Limit } from '@/lib/throttle/rate-limit';
import { answeredAs } from './provider-internals';

/**
 * Throttling of client authentication at the token, introspection and revocation
 * endpoints (RFC 9700 §4.x; RFC 6749 §10.10 asks servers to guard credentials
 * against guessing).
 *
 * Client secrets carry 256 random bits, so guessing one is hopeless; the limit is there
 * to stop floods of bad credentials and to make attacks visible. Two choices follow:
 * - Failures are counted per client *and* address, so nobody can lock a service out
 *   by sending wrong secrets under its (public) client ID from elsewhere.
 * - Only failures touch the database (one atomic increment, shared by all instances);
 *   a correct secret costs nothing extra, which keeps the token endpoint fast. Once a
 *   shared count passes the limit, the instance that saw it refuses that client and
 *   address with 429 until the window ends, even with the right secret.
 */
export const CLIENT_AUTH_LIMIT: Limit = { max: 20, windowSeconds: 15 * 60 };

const state = globalThis as unknown as { thalamusClientAuthLocks?: Map<string, number> };
const locks = (state.thalamusClientAuthLocks ??= new Map<string, number>());

/** 429 with the OAuth error shape; the description and Retry-After (RFC 6585 §4) say when to try again. */
export class TooManyClientAuthentications extends errors.InvalidClient {
  constructor(readonly retryAfterSeconds: number) {
    super(`too many failed client authentications; try again in ${retryAfterSeconds} seconds`);
    answeredAs(this, { status: 429 });
  }
}

function key(clientId: string, address: string) {
  return `client-auth:${clientId}:${address}`;
}

/** Throws TooManyClientAuthentications while the client and address are locked out. */
export function refuseIfLocked(clientId: string, address: string, now = Date.now()): void {
  const until = locks.get(key(clientId, address));
  if (until === undefined) return;
  if (until <= now) {
    locks.delete(key(clientId, address));
    return;
  }
  throw new TooManyClientAuthentications(Math.ceil((until - now) / 1000));
}

/** Counts a failed authentication; throws TooManyClientAuthentications once past the limit. */
export async function countFailure(clientId: string, address: string, now = new Date()): Promise<void> {
  const verdict = await takeAttempt(await getDb(), key(clientId, address), CLIENT_AUTH_LIMIT, now);
  if (verdict.allowed) return;
  locks.set(key(clientId, address), now.getTime() + verdict.retryAfter * 1000);
  throw new TooManyClientAuthentications(verdict.retryAfter);
}
