import type { NextAuthOptions } from 'next-auth';
import { issuer } from '@/lib/config/env';
import { getDb } from '@/lib/db/client';
import { CONSOLE_CLIENT_ID } from '@/lib/clients/default-clients';
import { consoleClientSecret, consoleSessionSecret } from './console-client';
import { consoleSessionUid } from './console-provider-session';

/** How long a console session lasts without signing in again. */
const CONSOLE_SESSION_SECONDS = 8 * 3600;

/**
 * next-auth for the console. Administrators sign in with Thalamus's own authorization
 * code flow (PKCE, state and nonce), on the same hosted pages and MFA as everyone else.
 * The session is an encrypted cookie holding the user's ID; roles are read from the
 * database on every request (see require-admin.ts), never trusted from the cookie.
 */
export async function authOptions(): Promise<NextAuthOptions> {
  const db = await getDb();
  const base = issuer();
  process.env.NEXTAUTH_URL ??= base;
  return {
    secret: await consoleSessionSecret(db),
    session: { strategy: 'jwt', maxAge: CONSOLE_SESSION_SECONDS },
    pages: { signIn: '/console/sign-in', error: '/console/sign-in' },
    useSecureCookies: base.startsWith('https://'),
    providers: [
      {
        id: 'thalamus',
        name: 'Thalamus',
        type: 'oauth',
        wellKnown: `${process.env.THALAMUS_INTERNAL_URL ?? base}/.well-known/openid-configuration`,
        clientId: CONSOLE_CLIENT_ID,
        clientSecret: await consoleClientSecret(db),
        authorization: { params: { scope: 'openid profile email' } },
        checks: ['pkce', 'state', 'nonce'],
        idToken: true,
        client: { id_token_signed_response_alg: 'ES256', token_endpoint_auth_method: 'client_secret_basic' },
        profile(profile: { sub: string; email?: string; name?: string }) {
          return { id: profile.sub, email: profile.email ?? null, name: profile.name || profile.email || null };
        },
      },
    ],
    callbacks: {
      // The ID token stays in the encrypted session cookie, only as the id_token_hint of
      // the sign-out request (lib/console/actions/sign-out-actions.ts); it never reaches the page.
      // The provider session it came from is kept too: require-admin.ts ends the console
      // session the moment that one is revoked.
      async jwt({ token, account }) {
        if (!account?.id_token) return token;
        return { ...token, idToken: account.id_token, sessionUid: token.sub ? await consoleSessionUid(db, token.sub, account.access_token) : undefined };
      },
      session({ session, token }) {
        return { ...session, user: { ...session.user, id: token.sub } };
      },
    },
  };
}
