import type { UserSummary } from '@/lib/users/list-users';
import type { ConfirmQuestion } from '../confirm-dialog';

export type RiskyUserChange = 'disable' | 'make_admin' | 'remove_admin' | 'reset_mfa' | 'delete' | 'revoke_sessions';

/** What the confirmation before each risky change to a user says will happen (lib/users/manage-user.ts does it). */
export function riskyUserChange(change: RiskyUserChange, user: UserSummary): ConfirmQuestion {
  const email = <bdi>{user.email}</bdi>;
  switch (change) {
    case 'disable':
      return {
        title: <>Disable {email}?</>,
        message: 'They are signed out of every application at once: their sessions and tokens stop working, and they cannot sign in until an admin enables them again.',
        confirmLabel: 'Disable',
      };
    case 'make_admin':
      return {
        title: <>Make {email} an admin?</>,
        message: 'They can then sign in to this console and manage OAuth clients, scopes, organizations and users. Give the role only to people who run Thalamus.',
        confirmLabel: 'Make admin',
        tone: 'primary',
      };
    case 'remove_admin':
      return {
        title: <>Remove the admin role from {email}?</>,
        message: 'They can no longer use this console, from their next page or action on. Their own sign-ins to applications keep working.',
        confirmLabel: 'Remove admin',
      };
    case 'delete':
      return {
        title: <>Delete {email}?</>,
        message:
          'Their account goes, with their sessions, the access they gave applications (grants, tokens, consents) and their two-step verification. Their security events and the audit log stay. This cannot be undone.',
        confirmLabel: 'Delete',
      };
    case 'revoke_sessions':
      return {
        title: <>Sign {email} out everywhere?</>,
        message:
          'Every browser signed in to Thalamus with this account is signed out, the console too; they sign in again with their password. Tokens applications already hold stay valid until they expire.',
        confirmLabel: 'Revoke all sessions',
      };
    case 'reset_mfa':
      return {
        title: <>Reset two-step verification for {email}?</>,
        message: `Their authenticator app and recovery codes stop working at once. ${
          user.mfaRequired ? 'They set up two-step verification again at their next sign-in.' : 'They sign in with their password alone until they set it up again.'
        }`,
        confirmLabel: 'Reset two-step verification',
      };
  }
}
