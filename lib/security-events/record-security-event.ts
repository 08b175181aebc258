import { countSecurityEvent } from '@/lib/observability/provider-metrics';
import type { Db } from '@/lib/db/client';
import type { Tx } from '@/lib/audit/record-audit';
import { newId } from '@/lib/secrets/ids';
import { withoutSecrets } from '@/lib/audit/record-audit';

/**
 * Security events: what happened to an account, as the person and their admins need
 * to see it (OWASP Logging Cheat Sheet: authentication successes and failures, account
 * lockouts, password and second-factor changes, session revocations). Unlike the audit
 * log, which records who changed configuration, these are about one person's account,
 * and many come from the person themselves or from an anonymous sign-in attempt.
 */
export const SECURITY_EVENT_TYPES = [
  'sign_in.succeeded',
  'sign_in.failed',
  'sign_in.locked',
  'sign_in.mfa_failed',
  'password.changed',
  'password.reset_requested',
  'password.reset',
  'password.set',
  'email.changed',
  'email.verified',
  'mfa.enabled',
  'mfa.disabled',
  'mfa.reset',
  'mfa.recovery_codes_regenerated',
  'passkey.registered',
  'passkey.used',
  'passkey.removed',
  'passkey.clone_detected',
  'sessions.revoked',
  'app.access_removed',
  'account.unlocked',
  'account.disabled',
  'account.enabled',
  'account.deleted',
] as const;

export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];

export interface SecurityEventInput {
  type: SecurityEventType;
  userId?: string | null;
  email?: string;
  /** The client address and browser of the request, when there was one. */
  address?: string;
  userAgent?: string;
  detail?: Record<string, unknown>;
}

const USER_AGENT_MAX = 512;

/** Records one event; inside the caller's transaction when given one, so it commits with the change. */
export async function recordSecurityEvent(db: Db | Tx, event: SecurityEventInput): Promise<void> {
  await db.securityEvent.create({
    data: {
      id: newId('sev'),
      type: event.type,
      userId: event.userId ?? null,
      email: (event.email ?? '').toLowerCase().slice(0, 254),
      address: (event.address ?? '').slice(0, 64),
      userAgent: (event.userAgent ?? '').slice(0, USER_AGENT_MAX),
      detail: JSON.stringify(withoutSecrets(event.detail ?? {})),
    },
  });
  countSecurityEvent(event.type);
}
