import type { Configuration } from 'oidc-provider';
import { escapeHtml } from '@/lib/html/escape-html';

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
  ctx.body = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Sign-in error · Thalamus</title>
<style>body{font-family:system-ui,sans-serif;background:#f8fafc;color:#0f172a;display:grid;place-items:center;min-height:100vh;margin:0}
main{max-width:32rem;background:#fff;border:1px solid #e2e8f0;border-radius:12px;padding:2rem;margin:1rem}
h1{font-size:1.25rem;margin:0 0 .5rem}code{background:#f1f5f9;padding:.1rem .3rem;border-radius:4px}
@media (prefers-color-scheme:dark){body{background:#0f172a;color:#e2e8f0}main{background:#1e293b;border-color:#334155}code{background:#334155}}</style>
</head><body><main role="alert"><h1>We could not complete this sign-in request</h1>
<p>${description}</p><p>Error code: <code>${error}</code></p>
<p>Return to the application and try again. If this keeps happening, contact its administrator.</p></main></body></html>`;
};
