import { getDb } from '@/lib/db/client';
import { PrismaAdapter } from '@/lib/oidc/adapter';

/**
 * Pending WebAuthn challenges (WebAuthn §13.4.3: random, kept server-side, used once),
 * kept beside the provider's short-lived artefacts. A registration's is keyed by the
 * account page's session, a sign-in's by the interaction: a challenge issued to one
 * browser cannot be answered in another.
 */
const challenges = new PrismaAdapter('PasskeyChallenge');
const CHALLENGE_TTL_SECONDS = 5 * 60;

export interface PendingChallenge {
  challenge: string;
  /** The account a registration or second step is for; absent for a passkey-first sign-in. */
  accountId?: string;
}

export async function saveChallenge(key: string, pending: PendingChallenge): Promise<void> {
  await challenges.upsert(key, pending as never, CHALLENGE_TTL_SECONDS);
}

/**
 * The pending challenge, removed as it is read: a second answer to the same challenge (a
 * replay), even a concurrent one, finds nothing.
 */
export async function takeChallenge(key: string): Promise<PendingChallenge | undefined> {
  const pending = (await challenges.find(key)) as PendingChallenge | undefined;
  if (!pending) return undefined;
  const db = await getDb();
  const { count } = await db.oidcModel.deleteMany({ where: { type: 'PasskeyChallenge', id: key } });
  return count === 1 ? pending : undefined;
}
