/**
 * RFC 6749 §3.2 and §4.1.3 ask for `application/x-www-form-urlencoded` at the token
 * endpoint, and RFC 7009 §2.1 / RFC 7662 §2.1 at revocation and introspection. Many
 * client libraries and integration guides send the same parameters as a JSON object
 * instead (Auth0's token endpoint accepts that), so, as a convenience beyond the RFCs,
 * Thalamus translates a flat JSON object into the form the provider expects at these
 * endpoints and at userinfo (whose POST form carries `access_token`, RFC 6750 §2.2).
 * Every value must be a string: a nested object, an array, a number or null is refused,
 * naming the parameter, rather than guessed at.
 */
export const JSON_BODY_PATHS: ReadonlySet<string> = new Set(['/oauth/token', '/oauth/revoke', '/oauth/introspect', '/oauth/userinfo']);

/** The provider's own limit for form bodies (koa-body's default, 56 KiB). */
const MAX_JSON_BODY_BYTES = 56 * 1024;

export type JsonBodyOutcome = { kind: 'untouched' } | { kind: 'form'; request: Request } | { kind: 'refused'; response: Response };

/** A JSON-bodied POST to one of JSON_BODY_PATHS, as the equivalent form post; anything else untouched. */
export async function translateJsonBody(request: Request, pathname: string): Promise<JsonBodyOutcome> {
  if (request.method !== 'POST' || !JSON_BODY_PATHS.has(pathname) || !isJson(request.headers.get('content-type'))) return { kind: 'untouched' };
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_JSON_BODY_BYTES) return refused('The JSON request body is larger than 56 KiB');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return refused('The request body is not valid JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return refused('A JSON request body must be an object of parameters');
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value !== 'string') return refused(`The JSON parameter ${name} must be a string`);
    form.append(name, value);
  }
  const headers = new Headers(request.headers);
  headers.set('content-type', 'application/x-www-form-urlencoded');
  headers.delete('content-length');
  return { kind: 'form', request: new Request(request.url, { method: 'POST', headers, body: form.toString() }) };
}

function isJson(contentType: string | null): boolean {
  return contentType?.split(';')[0]?.trim().toLowerCase() === 'application/json';
}

function refused(description: string): JsonBodyOutcome {
  return {
    kind: 'refused',
    response: Response.json({ error: 'invalid_request', error_description: description }, { status: 400, headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' } }),
  };
}
