import type { Db } from '@/lib/db/client';
import type { Tx } from '@/lib/audit/record-audit';
import { newId } from '@/lib/secrets/ids';
import { digestSecret, issueSecret } from '@/lib/secrets/secret-token';
import { USER_TOKEN_TTL_SECONDS, type UserTokenPurpose } from './link-lifetimes';

export { USER_TOKEN_PURPOSES, USER_TOKEN_TTL_SECONDS, type UserTokenPurpose } from './link-lifetimes';

/*
 * Single-use links sent by email (OWASP Forgot Password Cheat Sheet): 256 random bits,
 * only their SHA-256 digest stored, an expiry, used once. Issuing a link of a purpose
 * retires the user's earlier links of that purpose, so only the newest one works.
 */

/** Recognisable in a leak, like client secrets (thcs_) and API keys (thak_). */
export const USER_TOKEN_PREFIX = 'thlt_';

export async function issueUserToken(db: Db | Tx, input: { userId: string; purpose: UserTokenPurpose; email: string }, now = new Date()): Promise<string> {
  const secret = issueSecret(USER_TOKEN_PREFIX);
  await db.userToken.updateMany({ where: { userId: input.userId, purpose: input.purpose, usedAt: null }, data: { usedAt: now } });
  await db.userToken.create({
    data: {
      id: newId('utk'),
      userId: input.userId,
      purpose: input.purpose,
      digest: secret.digest,
      email: input.email,
      expiresAt: new Date(now.getTime() + USER_TOKEN_TTL_SECONDS[input.purpose] * 1000),
    },
  });
  return secret.plaintext;
}

export type UserTokenCheck = { ok: true; tokenId: string; userId: string; email: string } | { ok: false; reason: 'invalid' | 'expired' | 'used' };

/** What a presented link is worth, without using it up (the page that asks for the new password). */
export async function checkUserToken(db: Db | Tx, purpose: UserTokenPurpose, presented: string, now = new Date()): Promise<UserTokenCheck> {
  if (!presented.startsWith(USER_TOKEN_PREFIX) || presented.length > 100) return { ok: false, reason: 'invalid' };
  const row = await db.userToken.findUnique({ where: { digest: digestSecret(presented) } });
  if (!row || row.purpose !== purpose) return { ok: false, reason: 'invalid' };
  if (row.usedAt) return { ok: false, reason: 'used' };
  if (row.expiresAt <= now) return { ok: false, reason: 'expired' };
  return { ok: true, tokenId: row.id, userId: row.userId, email: row.email };
}

/**
 * Uses a link up: a conditional update, so of two concurrent uses exactly one wins.
 * Call it inside the transaction that makes the change the link allows.
 */
export async function consumeUserToken(db: Db | Tx, purpose: UserTokenPurpose, presented: string, now = new Date()): Promise<UserTokenCheck> {
  const check = await checkUserToken(db, purpose, presented, now);
  if (!check.ok) return check;
  const { count } = await db.userToken.updateMany({ where: { id: check.tokenId, usedAt: null }, data: { usedAt: now } });
  return count === 1 ? check : { ok: false, reason: 'used' };
}

/**
 * Expired links are kept this long, so that following one still says "expired" (and to
 * ask for a new one) rather than "not valid".
 */
export const EXPIRED_LINK_KEPT_SECONDS = 7 * 24 * 3600;

/** Deletes links that expired more than EXPIRED_LINK_KEPT_SECONDS ago (the purge job, lib/oidc/provider.ts). */
export async function purgeExpiredUserTokens(db: Db, now = new Date()): Promise<number> {
  const { count } = await db.userToken.deleteMany({ where: { expiresAt: { lt: new Date(now.getTime() - EXPIRED_LINK_KEPT_SECONDS * 1000) } } });
  return count;
}
