import type { KoaContextWithOIDC } from 'oidc-provider';
import { escapeHtml } from '@/lib/html/escape-html';
import { hostedPage } from './hosted-page';

/**
 * The hosted pages of the device authorization grant (RFC 8628 §3.3): the user opens
 * /oauth/device on a phone or laptop, types the code the device shows, confirms the
 * device, signs in (the usual /interaction pages) and is told to go back to the device.
 *
 * The provider hands each page its own form; Thalamus writes the form itself, with a
 * labelled field, and keeps only what the provider checks: the CSRF token (`xsrf`, the
 * secret the provider just put in the session's state) and the field names.
 *
 * User codes are the provider's default: 8 letters from a 20-consonant alphabet shown as
 * BCDF-GHJK, no vowels (no words), no 0/O or 1/I to confuse, case and dash ignored when
 * typed (RFC 8628 §6.1: about 34 bits, with the code living 10 minutes).
 */

type DeviceContext = KoaContextWithOIDC & { oidc: { session?: { state?: { secret?: string } } } };

function xsrfToken(ctx: KoaContextWithOIDC): string {
  return (ctx as DeviceContext).oidc.session?.state?.secret ?? '';
}

function action(ctx: KoaContextWithOIDC): string {
  return escapeHtml(ctx.oidc.urlFor('code_verification'));
}

function clientName(ctx: KoaContextWithOIDC): string {
  const client = ctx.oidc.client;
  return escapeHtml(String(client?.clientName ?? client?.clientId ?? 'your device'));
}

/** What went wrong with the last code, in the user's words (the provider's re-render errors). */
function problem(err?: Error & { error?: string }): string | undefined {
  if (!err) return undefined;
  switch (err.name) {
    case 'NoCodeError':
      return 'Enter the code shown on your device.';
    case 'NotFoundError':
      return 'That code is not valid. Check it and try again.';
    case 'ExpiredError':
      return 'That code has expired. Start again on your device to get a new one.';
    case 'AlreadyUsedError':
      return 'That code was used already. Start again on your device to get a new one.';
    case 'AbortedError':
      return 'You cancelled. Your device was told: nothing was connected.';
  }
  if (err.error === 'access_denied') return 'Access was not allowed. Your device was told: nothing was connected.';
  return 'Something went wrong with that code. Start again on your device.';
}

/** "Enter the code shown on your device" (the provider's userCodeInputSource). */
export function userCodeInputSource(ctx: KoaContextWithOIDC, _form: string, _out?: unknown, err?: Error & { userCode?: string }) {
  const message = problem(err);
  const value = err?.userCode ? ` value="${escapeHtml(err.userCode)}"` : '';
  ctx.type = 'html';
  ctx.body = hostedPage(
    'Connect a device',
    `<h1>Enter the code shown on your device</h1>
    ${message ? `<p role="alert" class="error" id="user-code-error">${escapeHtml(message)}</p>` : ''}
    <form method="post" action="${action(ctx)}" novalidate>
      <input type="hidden" name="xsrf" value="${escapeHtml(xsrfToken(ctx))}">
      <label for="user-code">Code</label>
      <input id="user-code" name="user_code" type="text"${value} autocomplete="one-time-code" autocapitalize="characters" spellcheck="false" maxlength="20" placeholder="BCDF-GHJK" aria-describedby="user-code-hint${message ? ' user-code-error' : ''}" autofocus>
      <p id="user-code-hint" class="hint">Eight letters, as your device shows them. Capitals and the dash are optional.</p>
      <div class="actions"><button type="submit" class="primary">Continue</button></div>
    </form>`,
  );
}

/**
 * "Connect this device?": the user checks that the code matches the device and names the
 * app, which is the defence RFC 8628 §5.4 asks for against a code sent by someone else.
 */
export function userCodeConfirmSource(ctx: KoaContextWithOIDC, _form: string, _client: unknown, _deviceInfo: unknown, userCode: string) {
  const code = escapeHtml(userCode);
  ctx.type = 'html';
  ctx.body = hostedPage(
    'Connect a device',
    `<h1>Connect ${clientName(ctx)}?</h1>
    <p>Your device should show this code:</p>
    <p class="user-code"><code>${code}</code></p>
    <p>Continue only if you started this on your own device just now. If someone sent you this code, cancel.</p>
    <form method="post" action="${action(ctx)}">
      <input type="hidden" name="xsrf" value="${escapeHtml(xsrfToken(ctx))}">
      <input type="hidden" name="user_code" value="${code}">
      <div class="actions">
        <button type="submit" name="confirm" value="yes" class="primary" autofocus>Continue</button>
        <button type="submit" name="abort" value="yes" class="secondary">Cancel</button>
      </div>
    </form>`,
  );
}

/** After sign-in and consent: the device's next poll gets its tokens (RFC 8628 §3.5). */
export function successSource(ctx: KoaContextWithOIDC) {
  ctx.type = 'html';
  ctx.body = hostedPage(
    'Device connected',
    `<h1>You can return to your device</h1>
    <p>You are signed in to <strong><bdi>${clientName(ctx)}</bdi></strong>. It continues by itself in a few seconds. You can close this window.</p>`,
  );
}
