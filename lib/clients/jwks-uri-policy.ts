import { env } from '@/lib/config/env';
import { ServiceError } from '@/lib/errors/service-error';

/**
 * Which hosts the provider may fetch a private_key_jwt client's keys from (`jwks_uri`,
 * RFC 7591 §2): only those the operator lists in JWKS_URI_ALLOWED_HOSTS (exact names, or
 * `*.example.com` for its subdomains). Fetching whatever URL a registration names would be
 * server-side request forgery: anyone who can register a client (an API key, dynamic
 * registration) could make Thalamus request addresses inside its own network. Empty (the
 * default): keys are registered inline (`jwks`) only.
 */
export function allowedJwksHosts(): string[] {
  return (env().JWKS_URI_ALLOWED_HOSTS ?? '')
    .split(',')
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
}

export function jwksHostAllowed(host: string, allowed = allowedJwksHosts()): boolean {
  const name = host.toLowerCase();
  return allowed.some((entry) => (entry.startsWith('*.') ? name.endsWith(entry.slice(1)) && name.length > entry.length - 1 : name === entry));
}

/** 400 on `jwks_uri` when its host is not allowed (the URL itself was checked by the client schema). */
export function checkJwksUri(jwksUri: string | null | undefined): void {
  if (!jwksUri) return;
  const host = new URL(jwksUri).hostname;
  if (jwksHostAllowed(host)) return;
  const allowed = allowedJwksHosts();
  const message = allowed.length
    ? `Thalamus fetches keys only from ${allowed.join(', ')} (JWKS_URI_ALLOWED_HOSTS): register the public keys inline (jwks) instead`
    : 'Register the public keys inline (jwks): this server fetches key URLs only from hosts its operator allows (JWKS_URI_ALLOWED_HOSTS), since a URL a registration names could point anywhere, internal addresses included (SSRF)';
  throw new ServiceError('invalid_request', 'The client has invalid fields', [{ path: 'jwks_uri', message }]);
}
