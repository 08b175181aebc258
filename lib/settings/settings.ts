import type { Db } from '@/lib/db/client';

/** Installation-wide switches, stored in the settings table. */
export const SETTINGS = {
  /** Every user must enroll in multi-factor authentication. */
  mfaRequired: 'mfa.required',
  /** Administrators sign in to the console with a passkey (a password, even with a code, is not enough). */
  adminPasskeysRequired: 'passkeys.required_for_admins',
} as const;

export async function getBooleanSetting(db: Db, key: string): Promise<boolean> {
  const row = await db.setting.findUnique({ where: { key } });
  return row?.value === 'true';
}

export async function setBooleanSetting(db: Db, key: string, value: boolean): Promise<void> {
  await db.setting.upsert({ where: { key }, create: { key, value: String(value) }, update: { value: String(value) } });
}
