import type { KoaContextWithOIDC } from 'oidc-provider';
import { escapeHtml } from '@/lib/html/escape-html';
import { hostedPage } from './hosted-page';

/**
 * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0 §2): the provider asks
 * the user to confirm; `form` is its hidden form with the CSRF token.
 */
export function logoutSource(ctx: KoaContextWithOIDC, form: string) {
  const client = ctx.oidc.client;
  const from = client ? `<p>You are leaving <strong><bdi>${escapeHtml(String(client.clientName ?? client.clientId))}</bdi></strong>.</p>` : '';
  ctx.type = 'html';
  ctx.body = hostedPage(
    'Sign out',
    `<h1>Sign out of Thalamus?</h1>${from}
    ${form}
    <div class="actions">
      <button type="submit" form="op.logoutForm" name="logout" value="yes" class="primary" autofocus>Sign out</button>
      <button type="submit" form="op.logoutForm" class="secondary">Stay signed in</button>
    </div>`,
  );
}

export function postLogoutSuccessSource(ctx: KoaContextWithOIDC) {
  ctx.type = 'html';
  ctx.body = hostedPage('Signed out', '<h1>You are signed out</h1><p>You can close this window.</p>');
}
