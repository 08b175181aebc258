/**
 * Redirect URI policy, applied when a client is saved (the provider then matches
 * requests against the registered URIs exactly, RFC 9700 §4.1.3).
 *
 * - No fragment, not even an empty `#` (RFC 6749 §3.1.2).
 * - No userinfo (`https://app@evil.example`), no wildcards: exact strings only.
 * - Web applications: https only.
 * - Native applications (RFC 8252): https, a loopback IP literal over http with any
 *   port (§7.3, `localhost` is not recommended by §8.3), or a private-use scheme in
 *   reverse-domain form such as `com.example.app:/callback` (§7.1).
 * - Never `javascript:`, `data:`, `file:` or similar schemes that execute or read locally.
 *
 * Returns the reason the URI is refused, or undefined when it is acceptable.
 */
export type ApplicationType = 'web' | 'native';

const FORBIDDEN_SCHEMES = new Set(['javascript:', 'data:', 'vbscript:', 'file:', 'blob:', 'about:', 'filesystem:']);
const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]']);

export function redirectUriProblem(raw: string, applicationType: ApplicationType): string | undefined {
  if (raw.trim() !== raw || /\s/.test(raw)) return 'must not contain spaces';
  if (raw.includes('#')) return 'must not contain a fragment (#)';
  if (raw.includes('*')) return 'must not contain wildcards: register each URI exactly';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'must be an absolute URI, e.g. https://app.example.com/callback';
  }
  if (FORBIDDEN_SCHEMES.has(url.protocol)) return `must not use the ${url.protocol} scheme`;
  if (url.username || url.password) return 'must not contain a user name or password';

  if (url.protocol === 'https:') {
    if (!url.hostname) return 'must name a host';
    return undefined;
  }
  if (url.protocol === 'http:') {
    if (applicationType === 'native' && LOOPBACK_HOSTS.has(url.hostname)) return undefined;
    return applicationType === 'native'
      ? 'must use https, or http only on a loopback address (http://127.0.0.1 or http://[::1])'
      : 'must use https (http is allowed only for native apps on a loopback address)';
  }
  if (applicationType === 'native') {
    // Private-use URI scheme: reverse domain name of a domain the developer controls.
    return /^[a-z][a-z0-9+-]*(\.[a-z0-9+-]+)+:$/i.test(url.protocol) ? undefined : 'custom schemes must be in reverse-domain form, e.g. com.example.app:/callback';
  }
  return 'must use https';
}
