import { issuer } from '@/lib/config/env';
import { ACCOUNT_SIGN_IN_COOKIE, ACCOUNT_SIGN_IN_TTL_SECONDS, startAccountSignIn } from '@/lib/account/account-sign-in';

export const dynamic = 'force-dynamic';

/** Sends the browser to the hosted sign-in, remembering state and the PKCE verifier in a short-lived cookie. */
export function GET() {
  const { authorizeUrl, cookie } = startAccountSignIn();
  const secure = issuer().startsWith('https://') ? '; Secure' : '';
  return new Response(null, {
    status: 303,
    headers: {
      location: authorizeUrl,
      'cache-control': 'no-store',
      'set-cookie': `${ACCOUNT_SIGN_IN_COOKIE}=${cookie}; Path=/account; Max-Age=${ACCOUNT_SIGN_IN_TTL_SECONDS}; HttpOnly; SameSite=Lax${secure}`,
    },
  });
}
