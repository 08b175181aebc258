import { errors } from 'oidc-provider';
import { answeredAs } from './provider-internals';

type SecretMethod = 'client_secret_basic' | 'client_secret_post';

const HOW_TO_SEND: Record<SecretMethod, string> = {
  client_secret_basic: 'send its credentials in the Authorization header',
  client_secret_post: 'send client_id and client_secret in the form body',
};

/** 401 invalid_client (RFC 6749 §5.2) whose description names the method the client is registered for. */
export class WrongClientAuthMethod extends errors.InvalidClient {
  constructor(registered: SecretMethod) {
    super(`This client is registered for ${registered}: ${HOW_TO_SEND[registered]}`);
    answeredAs(this, { status: 401 });
  }
}

/**
 * oidc-provider accepts a secret in the Authorization header and in the form body
 * alike, whichever of the two the client is registered for. Thalamus holds each client
 * to its registered `token_endpoint_auth_method` (RFC 7591 §2), at the token,
 * introspection and revocation endpoints: the administrator's choice then means
 * something, and a secret meant for a header does not end up in request bodies (which
 * proxies and frameworks log far more often; RFC 6749 §2.3.1 calls the body "NOT
 * RECOMMENDED"). Called once the client is known, before its secret is checked.
 */
export function refuseOtherAuthMethod(registered: string | undefined, used: SecretMethod): void {
  if (registered !== 'client_secret_basic' && registered !== 'client_secret_post') return;
  if (used !== registered) throw new WrongClientAuthMethod(registered);
}
