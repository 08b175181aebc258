import { matchingClientSecret } from '@/lib/clients/client-secret';
import { noteSecretUse } from '@/lib/clients/client-usage';
import { liveSecretDigests } from './client-metadata';
import { countFailure, refuseIfLocked, TooManyClientAuthentications } from './client-auth-throttle';
import { refuseOtherAuthMethod } from './client-auth-method';
import { asProviderError } from './temporarily-unavailable';
import type { PresentedSecret } from './provider-internals';

/**
 * How a client secret is checked. Secrets are stored as digests (see lib/secrets), where
 * the library would compare the plaintext it was given, so the comparison is made against
 * the client's live digests, with failures throttled (client-auth-throttle.ts). This is
 * also the one place where both the client and how it sent its secret are known: the
 * registered method is enforced first (client-auth-method.ts), and a wrong method is not
 * counted as a guess.
 */
export async function checkClientSecret({ client, secret, registeredMethod, sentWith, address, setHeader }: PresentedSecret): Promise<boolean> {
  refuseOtherAuthMethod(registeredMethod, sentWith);
  try {
    refuseIfLocked(client.clientId, address);
    const used = matchingClientSecret(secret, liveSecretDigests(client));
    if (used) {
      noteSecretUse(used);
      return true;
    }
    await countFailure(client.clientId, address);
    return false;
  } catch (error) {
    if (error instanceof TooManyClientAuthentications) setHeader('Retry-After', String(error.retryAfterSeconds));
    throw asProviderError(error);
  }
}
