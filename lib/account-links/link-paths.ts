/**
 * The paths of the pages an emailed link opens, and the way back to a sign-in (no server
 * dependencies: the hosted forms use them in the browser too).
 *
 * The token travels in the query string (an email client can only open a URL); those
 * pages answer with `Referrer-Policy: no-referrer` (next.config.mjs) so it never leaves
 * in a Referer header, and nothing logs their URLs.
 */
export const FORGOT_PASSWORD_PATH = '/password/forgot';
export const FORGOT_PASSWORD_SENT_PATH = '/password/forgot/sent';
export const RESET_PASSWORD_PATH = '/password/reset';
export const RESET_PASSWORD_DONE_PATH = '/password/reset/done';
export const INVITATION_PATH = '/invitation';
export const INVITATION_DONE_PATH = '/invitation/done';
/** Where "Sign in" leads when the person did not come from an application's sign-in. */
export const ACCOUNT_PATH = '/account';

/** A hosted sign-in interaction on this site: the only place a `return` parameter may lead. */
const INTERACTION_PATH = /^\/interaction\/[\w-]{10,64}$/;

/**
 * The `return` parameter if it is a same-origin path to a sign-in interaction, else
 * undefined. Anything else (another origin, `//host`, `/\host`, a different path) is
 * dropped, so a crafted link cannot turn the pages into an open redirect
 * (OWASP Unvalidated Redirects and Forwards Cheat Sheet).
 */
export function safeReturnPath(raw: unknown): string | undefined {
  return typeof raw === 'string' && INTERACTION_PATH.test(raw) ? raw : undefined;
}

/** `path` with `?return=…` when there is a way back. */
export function withReturn(path: string, returnTo: string | undefined, params: Record<string, string> = {}): string {
  const query = new URLSearchParams(params);
  const back = safeReturnPath(returnTo);
  if (back) query.set('return', back);
  const search = query.toString();
  return search ? `${path}?${search}` : path;
}

/** Where a finished reset or invitation sends the person to sign in. */
export function signInPath(returnTo: string | undefined): string {
  return safeReturnPath(returnTo) ?? ACCOUNT_PATH;
}
