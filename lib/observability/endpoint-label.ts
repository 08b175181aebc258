/**
 * The endpoint a request went to, as a template with few values ("/oauth/token",
 * "/api/clients/{id}/secret"): a metric label must never carry an ID, or every client
 * would make its own series.
 */
const OAUTH_ENDPOINTS = new Set(['authorize', 'token', 'userinfo', 'jwks', 'introspect', 'revoke', 'logout', 'register', 'request', 'device', 'backchannel']);

export function endpointLabel(pathname: string): string {
  if (pathname.startsWith('/.well-known/')) return pathname.split('/').slice(0, 3).join('/');
  const segments = pathname.split('/').filter(Boolean);
  if (segments[0] === 'oauth') return OAUTH_ENDPOINTS.has(segments[1] ?? '') ? `/oauth/${segments[1]}${segments.length > 2 ? '/*' : ''}` : '/oauth/other';
  if (segments[0] === 'api' || segments[0] === 'scim') {
    // /api/<collection>/<id>/<action>/…: every other segment after the collection is an ID.
    const head = segments[0] === 'scim' ? 3 : 2;
    return `/${segments.map((segment, i) => (i >= head && (i - head) % 2 === 0 ? '{id}' : segment)).join('/')}`;
  }
  return '/other';
}
