import { env, issuer } from '@/lib/config/env';

type WithHeaders = Request | { headers: Headers };

/**
 * The scheme the client used: X-Forwarded-Proto from a TLS-terminating proxy, else
 * the scheme of APP_URL (requests reach `next start` over plain http either way).
 */
export function requestProtocol(request: WithHeaders): 'http' | 'https' {
  const forwarded = request.headers.get('x-forwarded-proto')?.split(',')[0]?.trim();
  if (forwarded === 'https' || forwarded === 'http') return forwarded;
  return issuer().startsWith('https:') ? 'https' : 'http';
}

/**
 * The client's address, as the per-address sign-in and client-authentication limits
 * count it. The server process appends the TCP peer to X-Forwarded-For
 * (scripts/forwarded-for.cjs), so the last entry is the nearest hop. Behind `trustedHops` reverse proxies (TRUST_PROXY_HOPS), each of which
 * appends the address it saw, the client is that many entries further left; anything
 * left of that was written by the client itself and is never trusted. Without the
 * setting, every user behind a proxy would share the proxy's address, and 50 failed
 * sign-ins from anyone would block everyone.
 */
export function clientAddress(request: WithHeaders, trustedHops = env().TRUST_PROXY_HOPS): string {
  const chain = (request.headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (!chain.length) return '127.0.0.1';
  const address = chain[Math.max(0, chain.length - 1 - trustedHops)]!;
  return address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address; // IPv4 seen on an IPv6 socket
}
