/** The kinds of emailed link (lib/account-links/user-tokens.ts), and how long each works: no server code, so the console shows them too. */
export const USER_TOKEN_PURPOSES = ['password_reset', 'invitation', 'email_verification'] as const;
export type UserTokenPurpose = (typeof USER_TOKEN_PURPOSES)[number];

/** How long each kind of link works. */
export const USER_TOKEN_TTL_SECONDS: Record<UserTokenPurpose, number> = {
  password_reset: 30 * 60,
  invitation: 7 * 24 * 3600,
  email_verification: 24 * 3600,
};

/** "30 minutes", "7 days", "1 day": a link's lifetime in words. */
export function linkLifetime(purpose: UserTokenPurpose): string {
  const seconds = USER_TOKEN_TTL_SECONDS[purpose];
  if (seconds < 3600) return `${seconds / 60} minutes`;
  const days = seconds / 86_400;
  return Number.isInteger(days) ? `${days} day${days === 1 ? '' : 's'}` : `${seconds / 3600} hours`;
}
