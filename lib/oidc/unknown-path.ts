import type Provider from 'oidc-provider';
import { hostedPage } from './hosted-page';

/**
 * An address under /oauth/ (or /.well-known/) that no endpoint serves. Left alone, the
 * provider's router answers Koa's bare "Not Found"; here it gets a 404 in the caller's
 * language instead: the hosted error page for a browser, and for a client that asks for
 * JSON the OAuth-style error object (`{"error":"not_found",…}`, as RFC 6749 §5.2 shapes
 * errors). Only unrouted paths are affected: every endpoint sets its own body, errors included.
 */
export function answerUnknownPaths(provider: Provider): void {
  provider.use(async (ctx, next) => {
    await next();
    if (ctx.status !== 404 || ctx.body != null) return;
    ctx.status = 404;
    ctx.set('Cache-Control', 'no-store');
    if (prefersJson(ctx.get('accept'))) {
      ctx.body = { error: 'not_found', error_description: 'There is no endpoint at this address' };
      return;
    }
    ctx.type = 'html';
    ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'");
    ctx.body = hostedPage(
      'Page not found',
      `<div role="alert"><h1>There is nothing at this address</h1>
<p>The link may be mistyped or out of date. Return to the application and start again.</p>
<p>Error code: <code>not_found</code></p></div>`,
    );
  });
}

/** JSON when the caller names it and does not name HTML (a browser sends text/html first). */
export function prefersJson(accept: string): boolean {
  const types = accept
    .toLowerCase()
    .split(',')
    .map((part) => part.split(';')[0]!.trim());
  return types.some((type) => type === 'application/json' || type.endsWith('+json')) && !types.includes('text/html');
}
