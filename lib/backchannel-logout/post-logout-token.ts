import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isPrivateAddress } from './private-address';

/** Why a delivery did not succeed; `permanent` ones are not retried. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

export interface DeliveryPolicy {
  /** Loopback and private addresses, and http, are allowed (BACKCHANNEL_LOGOUT_ALLOW_PRIVATE). */
  allowPrivate: boolean;
  timeoutMs: number;
}

/**
 * POSTs `logout_token` to the client (OIDC Back-Channel Logout 1.0 §2.5) and expects 200
 * or 204 (§2.8). Only https, unless private addresses are allowed (a test setup, a closed
 * network); the host's addresses are checked as the connection is made (the `lookup`
 * the socket uses), so a name that resolves to an inside address, even on a second
 * lookup, is never connected to. Redirects are not followed (§2.5: the RP answers itself).
 */
export async function postLogoutToken(uri: string, logoutToken: string, policy: DeliveryPolicy): Promise<void> {
  const url = new URL(uri);
  if (url.protocol !== 'https:' && !(policy.allowPrivate && url.protocol === 'http:')) {
    throw new DeliveryError(`refused: ${url.protocol} is not https`, true);
  }
  // An address in the URL itself is connected to without a lookup: checked here.
  const literal = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!policy.allowPrivate && isIP(literal) && isPrivateAddress(literal)) throw new DeliveryError(`refused: ${literal} is a private address`, true);
  const body = new URLSearchParams({ logout_token: logoutToken }).toString();
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  const status = await new Promise<number>((resolve, reject) => {
    const req = send(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'content-length': Buffer.byteLength(body) },
        lookup: guardedLookup(policy.allowPrivate),
        timeout: policy.timeoutMs,
      },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on('timeout', () => req.destroy(new DeliveryError(`no answer within ${policy.timeoutMs} ms`, false)));
    req.on('error', (error) => reject(error instanceof DeliveryError ? error : new DeliveryError(error.message, false)));
    req.end(body);
  });
  if (status !== 200 && status !== 204) throw new DeliveryError(`answered ${status}, expected 200 or 204`, status === 400);
}

function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = allowPrivate ? undefined : addresses.find((a) => isPrivateAddress(a.address));
      if (refused) return callback(new DeliveryError(`refused: ${hostname} resolves to the private address ${refused.address}`, true), '', 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const [first] = addresses;
      if (!first) return callback(new Error(`${hostname} has no address`), '', 0);
      callback(null, first.address, first.family);
    });
  };
}
