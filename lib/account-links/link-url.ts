import { issuer } from '@/lib/config/env';
import { INVITATION_PATH, RESET_PASSWORD_PATH, withReturn } from './link-paths';

/** The absolute link put in an email (or handed over by an admin when mail is not configured). */
export function accountLinkUrl(kind: 'password_reset' | 'invitation', token: string, returnTo?: string): string {
  return `${issuer()}${withReturn(kind === 'invitation' ? INVITATION_PATH : RESET_PASSWORD_PATH, returnTo, { token })}`;
}
