import type { Configuration } from 'oidc-provider';
import { escapeHtml } from '@/lib/html/escape-html';
import { hostedPage } from './hosted-page';

/**
 * Rendered when the authorization server cannot (or must not) redirect back to the
 * client: unknown client, unregistered redirect_uri and the like (RFC 6749 §4.1.2.1).
 * Everything from the request is escaped.
 */
export const renderProviderError: NonNullable<Configuration['renderError']> = (ctx, out) => {
  const error = escapeHtml(String(out.error ?? 'server_error'));
  const description = escapeHtml(String(out.error_description ?? 'Something went wrong.'));
  ctx.type = 'html';
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
  ctx.set('X-Frame-Options', 'DENY');
  ctx.body = hostedPage(
    'Sign-in error',
    `<div role="alert"><h1>We could not complete this sign-in request</h1>
<p>${description}</p><p>Error code: <code>${error}</code></p>
<p>Return to the application and try again. If this keeps happening, contact its administrator.</p></div>`,
  );
};
