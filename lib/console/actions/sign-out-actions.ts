'use server';

import { cookies, headers } from 'next/headers';
import { getToken } from 'next-auth/jwt';
import { issuer } from '@/lib/config/env';
import { getDb } from '@/lib/db/client';
import { consoleSessionSecret } from '@/lib/console/console-client';
import { consoleLogoutUrl } from '@/lib/console/logout-url';

/**
 * Where "Sign out" goes after the console session ends: the provider's logout endpoint,
 * with this session's ID token as id_token_hint when it has one. Takes no input; a caller
 * without a console session gets the plain logout URL (the provider then asks).
 * Signed-in non-admins use it too (the "no access" page), so it is not an adminAction.
 */
export async function consoleSignOutUrlAction(): Promise<string> {
  const token = await getToken({
    req: { cookies: await cookies(), headers: await headers() } as unknown as Parameters<typeof getToken>[0]['req'],
    secret: await consoleSessionSecret(await getDb()),
    secureCookie: issuer().startsWith('https://'),
  });
  return consoleLogoutUrl(typeof token?.idToken === 'string' ? token.idToken : undefined);
}
