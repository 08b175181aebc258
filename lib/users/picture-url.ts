import { forbiddenCharacters } from '@/lib/text/control-characters';

/** Longer than any avatar or CDN address needs, short enough for every token that carries it. */
export const PICTURE_URL_MAX = 2048;

/** http is allowed only here: a picture served by a development machine. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The rule for a user's `picture` claim (OIDC Core §5.1: "URL of the End-User's profile
 * picture"). Every application that signs the user in may put it in an `<img src>`, so
 * it must be a plain web address: https, or http only on localhost; never
 * `javascript:`, `data:` or `file:`, which run or read something locally, and no user
 * name or password, which would be handed to every application.
 *
 * Returns the reason the URL is refused, or undefined when it is acceptable.
 */
export function pictureUrlProblem(raw: string): string | undefined {
  // new URL() silently drops tabs and line breaks: refuse them rather than store what was not meant.
  if (/\s/.test(raw) || forbiddenCharacters(raw).length) return 'Remove spaces and control characters from the URL';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Enter a full URL, e.g. https://example.com/me.png';
  }
  const local = url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname);
  if ((url.protocol !== 'https:' || !url.hostname) && !local) return 'Use an https:// URL (http:// only for localhost)';
  if (url.username || url.password) return 'Remove the user name and password from the URL';
  return undefined;
}
