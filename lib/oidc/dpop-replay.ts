import Provider, { errors } from 'oidc-provider';
import { decodeJwt } from 'jose';

/**
 * A DPoP proof whose `jti` was seen before is a replayed proof (RFC 9449 §11.1). The
 * library detects it (ReplayDetection) but reports it as the error of the endpoint
 * (invalid_grant at the token endpoint, invalid_token at userinfo); Thalamus answers
 * `invalid_dpop_proof` (RFC 9449 §7.1, §12.2), as for any other bad proof, so a client
 * learns to make a new one. Client-assertion replays (RFC 7523 §3) keep invalid_client:
 * only a `jti` that is the current request's DPoP proof's own is reported this way.
 */
export function reportReusedDpopProofs(provider: Provider): void {
  const replay = provider.ReplayDetection as unknown as { unique(iss: string, jti: string, exp: number): Promise<boolean> };
  const unique = replay.unique.bind(replay);
  replay.unique = async (iss, jti, exp) => {
    if (await unique(iss, jti, exp)) return true;
    if (jti === currentDpopJti()) throw new errors.InvalidDpopProof('DPoP proof was used before: make a new proof (with a new jti) for every request');
    return false;
  };
}

function currentDpopJti(): string | undefined {
  const proof = Provider.ctx?.get('DPoP');
  if (!proof) return undefined;
  try {
    const { jti } = decodeJwt(proof);
    return typeof jti === 'string' ? jti : undefined;
  } catch {
    return undefined;
  }
}
