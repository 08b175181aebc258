import { createHash } from 'node:crypto';
import type { KoaContextWithOIDC } from 'oidc-provider';
import { CONSOLE_CLIENT_ID } from '@/lib/clients/default-clients';
import { escapeHtml } from '@/lib/html/escape-html';
import { hostedPage } from './hosted-page';
import { validatedLogoutHintSubject } from './provider-internals';

/**
 * RP-initiated logout (OpenID Connect RP-Initiated Logout 1.0 §2): the provider asks
 * the user to confirm; `form` is its hidden form with the CSRF token.
 *
 * One exception: this console's own sign-out. The admin has just clicked "Sign out" in
 * the console, and the request proves it came from there: an id_token_hint the provider
 * validated (signature, audience) for the console client, naming the account of this
 * session. Asking "Sign out of Thalamus?" again would be the second question for one
 * decision, so the page submits the form itself. Every other request (another client, no
 * hint, someone else's hint) is asked, as §6 advises against logout without consent.
 */
export function logoutSource(ctx: KoaContextWithOIDC, form: string) {
  if (requestedByThisConsole(ctx)) return submitLogout(ctx, form);
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

function requestedByThisConsole(ctx: KoaContextWithOIDC): boolean {
  const subject = validatedLogoutHintSubject(ctx);
  const accountId = ctx.oidc.session?.accountId;
  return ctx.oidc.client?.clientId === CONSOLE_CLIENT_ID && !!subject && !!accountId && subject === accountId;
}

const SUBMIT_SCRIPT = "document.getElementById('op.logoutForm').submit();";

/** The logout form, sent at once by a script the page's policy allows by its hash; without scripts, one button. */
function submitLogout(ctx: KoaContextWithOIDC, form: string) {
  const withDecision = form.replace('</form>', '<input type="hidden" name="logout" value="yes"/></form>');
  const digest = createHash('sha256').update(SUBMIT_SCRIPT).digest('base64');
  ctx.type = 'html';
  ctx.set('Content-Security-Policy', `default-src 'none'; script-src 'sha256-${digest}'; style-src 'unsafe-inline'; img-src 'self'; frame-ancestors 'none'; base-uri 'none'`);
  ctx.body = hostedPage(
    'Signing out',
    `<h1>Signing you out…</h1>
    ${withDecision}
    <noscript><div class="actions"><button type="submit" form="op.logoutForm" class="primary" autofocus>Continue</button></div></noscript>
    <script>${SUBMIT_SCRIPT}</script>`,
  );
}

export function postLogoutSuccessSource(ctx: KoaContextWithOIDC) {
  ctx.type = 'html';
  ctx.body = hostedPage('Signed out', '<h1>You are signed out</h1><p>You can close this window.</p><p><a href="/account">Manage your account</a></p>');
}
