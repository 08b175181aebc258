import { cookies } from 'next/headers';
import { issuer } from '@/lib/config/env';
import { getDb } from '@/lib/db/client';
import { consoleClientSecret } from '@/lib/console/console-client';
import { handleOidcRequest } from '@/lib/oidc/handle-request';
import { log } from '@/lib/log/logger';
import { ACCOUNT_SIGN_IN_COOKIE, accountTokenRequest, checkAccountCallback } from '@/lib/account/account-sign-in';

export const dynamic = 'force-dynamic';

/**
 * The end of the account page's sign-in: the state must be this browser's, and the code
 * is redeemed at once, in process, so it cannot be used by anyone else. The provider's
 * session cookie, set during the sign-in, is what the account page then reads.
 */
export async function GET(request: Request) {
  const jar = await cookies();
  const grant = checkAccountCallback(new URL(request.url).searchParams, jar.get(ACCOUNT_SIGN_IN_COOKIE)?.value);
  jar.delete({ name: ACCOUNT_SIGN_IN_COOKIE, path: '/account' });
  if (!grant) return goTo('/account/signed-out?sign_in=incomplete');
  const token = await handleOidcRequest(accountTokenRequest(grant, await consoleClientSecret(await getDb())));
  if (!token.ok) {
    log.warn('account sign-in code not redeemed', { status: token.status });
    return goTo('/account/signed-out?sign_in=incomplete');
  }
  return goTo('/account');
}

function goTo(path: string) {
  return new Response(null, { status: 303, headers: { location: `${issuer()}${path}`, 'cache-control': 'no-store' } });
}
