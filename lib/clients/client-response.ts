import { clientResponseSchema, type ClientResponse } from './client-schema';
import { fromRow } from './client-record';
import type { OAuthClient } from '@/lib/db/generated/sqlite/client';

export type ClientWithSecretHints = OAuthClient & {
  secrets: { hint: string; expiresAt: Date | null; lastUsedAt: Date | null }[];
  usage: { lastUsedAt: Date } | null;
};

/** What toClientResponse needs besides the client's row: its secrets' hints and when it was last used (`include` of a client query). */
export const SECRET_HINTS = {
  secrets: { select: { hint: true, expiresAt: true, lastUsedAt: true }, orderBy: { createdAt: 'desc' } },
  usage: { select: { lastUsedAt: true } },
} as const;

/** The stored client as the API and the console read it, parsed so nothing else slips out. */
export function toClientResponse(row: ClientWithSecretHints): ClientResponse {
  const now = new Date();
  // Newest first; a secret past its end (kept until the next rotation deletes it) is not shown.
  const live = row.secrets.filter((s) => !s.expiresAt || s.expiresAt > now);
  const client = fromRow(row);
  return clientResponseSchema.parse({
    ...client,
    client_secret_hints: live.map((s) => s.hint),
    client_secrets: live.map((s) => ({ hint: s.hint, expires_at: s.expiresAt?.toISOString() ?? null, last_used_at: s.lastUsedAt?.toISOString() ?? null })),
    last_used_at: row.usage?.lastUsedAt.toISOString() ?? null,
    created_at: client.created_at.toISOString(),
    updated_at: client.updated_at.toISOString(),
  });
}
