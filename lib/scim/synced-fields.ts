/**
 * The account fields a directory connector keeps (userName, displayName, nickName →
 * email, name, nickname): read-only in the console and the admin API for its users.
 */
export const SYNCED_FIELDS = ['email', 'name', 'nickname'] as const;

/** What the console says beside a synced field. */
export function syncedFieldReason(source: string): string {
  return `Synced from the directory (${source}): change it there`;
}
