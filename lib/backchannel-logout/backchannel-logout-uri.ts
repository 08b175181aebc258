import { z } from 'zod';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]', 'localhost']);

/**
 * A client's `backchannel_logout_uri` (OIDC Back-Channel Logout 1.0 §2.2): an absolute
 * https URL without a fragment. http is accepted for a loopback address only, for a
 * developer's machine and tests; whether Thalamus may deliver to a loopback or private
 * address at all is the delivery's decision (BACKCHANNEL_LOGOUT_ALLOW_PRIVATE). Client-safe:
 * the console form checks it as it saves.
 */
export const backchannelLogoutUriSchema = z
  .string()
  .trim()
  .max(2000, 'Use at most 2000 characters')
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'Back-channel logout URI must be an absolute URL' });
      return;
    }
    if (url.hash || value.includes('#')) ctx.addIssue({ code: 'custom', message: 'Back-channel logout URI must not have a fragment (#…)' });
    if (url.protocol === 'https:') return;
    if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return;
    ctx.addIssue({ code: 'custom', message: 'Back-channel logout URI must use https (http is allowed only on a loopback address)' });
  });
