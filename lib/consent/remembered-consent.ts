import type { Db } from '@/lib/db/client';
import { parseList } from '@/lib/db/json-list';

/**
 * Consent a user gave a client that requires it, remembered across sessions so
 * "Allow" is asked once per scope, not at every sign-in. Adding scopes later asks
 * only for the new ones.
 */
export async function rememberedScopes(db: Db, userId: string, clientId: string): Promise<Set<string>> {
  const row = await db.userConsent.findUnique({ where: { userId_clientId: { userId, clientId } } });
  return new Set(row ? parseList(row.scopes) : []);
}

export async function rememberConsent(db: Db, userId: string, clientId: string, scopes: Iterable<string>): Promise<void> {
  const all = new Set([...(await rememberedScopes(db, userId, clientId)), ...scopes]);
  const value = JSON.stringify([...all].sort());
  await db.userConsent.upsert({
    where: { userId_clientId: { userId, clientId } },
    create: { userId, clientId, scopes: value },
    update: { scopes: value },
  });
}

export async function forgetConsent(db: Db, userId: string, clientId: string): Promise<void> {
  await db.userConsent.deleteMany({ where: { userId, clientId } });
}
