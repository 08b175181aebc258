import type Provider from 'oidc-provider';

/**
 * RFC 6749 §5.2: a client that uses a grant type it is not registered for gets
 * `unauthorized_client` ("The authenticated client is not authorized to use this
 * authorization grant type"). oidc-provider 9 answers `invalid_request` instead, with
 * the description below; the code is corrected on the way out. Both are 400, and the
 * description stays, so only the machine-readable code changes.
 */
const GRANT_TYPE_NOT_ALLOWED = 'requested grant type is not allowed for this client';

export function useStandardTokenErrors(provider: Provider): void {
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { error?: unknown; error_description?: unknown } | undefined;
    if (ctx.oidc?.route === 'token' && body?.error === 'invalid_request' && body.error_description === GRANT_TYPE_NOT_ALLOWED) {
      body.error = 'unauthorized_client';
    }
  });
}
