import 'server-only';
import { cookies, headers } from 'next/headers';
import { getDb } from '@/lib/db/client';
import { getProvider } from '@/lib/oidc/provider';
import { createNodeExchange } from '@/lib/oidc/node-bridge';
import { clientAddress, requestProtocol } from '@/lib/http/client-address';
import { forgetSessionActivity, recordSessionActivity } from './session-activity';

/**
 * The account page is signed in through Thalamus's own sign-in session: the provider's
 * session of this browser (its signed session cookie), the same one that lets
 * applications sign the person in without asking again. So ending that session anywhere
 * (signing out, "Sign out everywhere else", an admin revoking sessions, a password
 * reset) signs the browser out of the account page at its next request.
 */
export interface AccountSession {
  /** The provider's session id (the cookie's value; the Session row's id). */
  sessionId: string;
  /** Stable across id rotations: the key of the session's activity record. */
  sessionUid: string;
  user: AccountUser;
}

const userColumns = {
  id: true,
  email: true,
  name: true,
  nickname: true,
  picture: true,
  emailVerified: true,
  disabled: true,
  mfaRequired: true,
  totpEnabledAt: true,
} as const;

export interface AccountUser {
  id: string;
  email: string;
  name: string;
  nickname: string;
  picture: string;
  emailVerified: boolean;
  mfaRequired: boolean;
  totpEnabledAt: Date | null;
}

async function browserSession() {
  const { provider } = await getProvider();
  const incoming = await headers();
  const { req, res } = createNodeExchange('GET', '/account', incoming, undefined, {
    protocol: requestProtocol({ headers: incoming }),
    remoteAddress: clientAddress({ headers: incoming }),
  });
  const session = await provider.Session.get(provider.createContext(req, res));
  return { session, incoming };
}

/**
 * The signed-in person of this browser, or undefined. A disabled (or deleted) account's
 * session is ended here: an administrator disabling someone signs them out.
 */
export async function readAccountSession(): Promise<AccountSession | undefined> {
  const { session, incoming } = await browserSession();
  if (!session.accountId || !session.exp) return undefined;
  const db = await getDb();
  const user = await db.user.findUnique({ where: { id: session.accountId }, select: userColumns });
  if (!user || user.disabled) {
    await session.destroy();
    await forgetSessionActivity(db, [session.uid]);
    return undefined;
  }
  await recordSessionActivity(db, {
    sessionUid: session.uid,
    accountId: user.id,
    userAgent: incoming.get('user-agent') ?? '',
    address: clientAddress({ headers: incoming }),
  });
  const account: AccountUser = {
    id: user.id,
    email: user.email,
    name: user.name,
    nickname: user.nickname,
    picture: user.picture,
    emailVerified: user.emailVerified,
    mfaRequired: user.mfaRequired,
    totpEnabledAt: user.totpEnabledAt,
  };
  return { sessionId: session.jti, sessionUid: session.uid, user: account };
}

/** Signs this browser out of Thalamus: the session row, its activity and its cookies go. */
export async function endAccountSession(): Promise<void> {
  const { session } = await browserSession();
  if (session.exp) {
    await session.destroy();
    await forgetSessionActivity(await getDb(), [session.uid]);
  }
  const jar = await cookies();
  for (const name of [SESSION_COOKIE, `${SESSION_COOKIE}.sig`, `${SESSION_COOKIE}.legacy`, `${SESSION_COOKIE}.legacy.sig`]) if (jar.has(name)) jar.delete(name);
}

/** The provider's session cookie (lib/oidc/configuration.ts names it). */
const SESSION_COOKIE = 'thalamus_session';
