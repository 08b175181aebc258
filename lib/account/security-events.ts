import type { Db } from '@/lib/db/client';
import type { SecurityEventType } from '@/lib/security-events/record-security-event';
import { describeUserAgent } from './describe-user-agent';

export interface AccountSecurityEvent {
  id: string;
  occurredAt: Date;
  type: string;
  description: string;
  address: string;
  browser: string;
}

/** What each event means to the person it happened to. */
const DESCRIPTIONS: Record<SecurityEventType, string> = {
  'sign_in.succeeded': 'Signed in',
  'sign_in.failed': 'A sign-in failed',
  'sign_in.locked': 'Sign-in locked after too many attempts',
  'sign_in.mfa_failed': 'A two-step verification code was refused',
  'password.changed': 'Password changed',
  'password.reset_requested': 'Password reset requested',
  'password.reset': 'Password reset',
  'password.set': 'Password set',
  'email.changed': 'Email address changed',
  'email.verified': 'Email address verified',
  'mfa.enabled': 'Two-step verification turned on',
  'mfa.disabled': 'Two-step verification turned off',
  'mfa.reset': 'Two-step verification reset by an administrator',
  'mfa.recovery_codes_regenerated': 'New recovery codes created',
  'passkey.registered': 'Passkey added',
  'passkey.used': 'Signed in with a passkey',
  'passkey.removed': 'Passkey removed',
  'passkey.clone_detected': 'A copied passkey was refused (its counter went backwards)',
  'sessions.revoked': 'Signed out of other sessions',
  'app.access_removed': 'Access removed from an app',
  'account.unlocked': 'Account unlocked',
  'account.disabled': 'Account disabled',
  'account.enabled': 'Account enabled',
  'account.deleted': 'Account deleted',
};

export const ACCOUNT_EVENTS_SHOWN = 20;

/** The person's own recent security events, newest first. */
export async function accountSecurityEvents(db: Db, userId: string): Promise<AccountSecurityEvent[]> {
  const rows = await db.securityEvent.findMany({ where: { userId }, orderBy: { occurredAt: 'desc' }, take: ACCOUNT_EVENTS_SHOWN });
  return rows.map((row) => ({
    id: row.id,
    occurredAt: row.occurredAt,
    type: row.type,
    description: (DESCRIPTIONS as Record<string, string>)[row.type] ?? row.type,
    address: row.address,
    browser: row.userAgent ? describeUserAgent(row.userAgent) : '',
  }));
}
