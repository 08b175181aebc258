/**
 * Where to go after signing in: only a path of this console. Anything else
 * (`https://evil`, `//evil`, `/\evil`, other apps' paths) falls back to the console home,
 * so the sign-in cannot be turned into an open redirect.
 */
export function safeCallbackPath(raw: string | undefined | null): string {
  if (!raw || typeof raw !== 'string') return '/console';
  if (!raw.startsWith('/console') || raw.startsWith('//') || raw.includes('\\')) return '/console';
  try {
    const url = new URL(raw, 'http://thalamus.invalid');
    if (url.origin !== 'http://thalamus.invalid' || !url.pathname.startsWith('/console')) return '/console';
    return `${url.pathname}${url.search}`;
  } catch {
    return '/console';
  }
}
