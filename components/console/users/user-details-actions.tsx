'use client';

import type { UserSummary } from '@/lib/users/list-users';
import { Button } from '../button';
import { Reason, userPermissions } from './user-row-actions';
import { UserRecoveryActions } from './user-recovery-actions';

export interface UserDetailsHandlers {
  currentAdminId: string;
  canChangeRoles: boolean;
  edit: () => void;
  setDisabled: (disabled: boolean) => void;
  remove: () => void;
  unlock: () => void;
  revokeSessions: () => void;
  resetMfa: () => void;
}

/**
 * The details' buttons, in three groups: the account (edit, disable, delete), its
 * sign-in (unlock, sessions, two-step verification) and recovery (emailed links). Only
 * what the server would do is offered; what is left out says why.
 */
export function UserDetailsActions({ user, handlers }: { user: UserSummary; handlers: UserDetailsHandlers }) {
  const { self, superAdmin, mayChangeAccount, mayManageSignIn, maySendLinks } = userPermissions(user, handlers);
  return (
    <div className="mt-6 space-y-3 border-t border-slate-200 pt-4 dark:border-slate-800">
      <div role="group" aria-label="Account" className="flex flex-wrap gap-2">
        <Button variant="primary" onClick={handlers.edit}>
          Edit User
        </Button>
        {mayChangeAccount &&
          (user.disabled ? <Button onClick={() => handlers.setDisabled(false)}>Enable</Button> : <Button onClick={() => handlers.setDisabled(true)}>Disable</Button>)}
        {mayChangeAccount && (
          <Button variant="danger" onClick={handlers.remove}>
            Delete
          </Button>
        )}
      </div>
      {!mayChangeAccount && (
        <Reason
          label={self ? 'Your account' : superAdmin ? 'Managed with the CLI' : 'Administrator'}
          reason={
            self
              ? 'you cannot disable or delete your own account'
              : superAdmin
                ? 'super admins are disabled and deleted with npx thalamus'
                : 'only super admins disable or delete administrators'
          }
        />
      )}
      <div role="group" aria-label="Sign-in" className="flex flex-wrap gap-2">
        {user.lockedUntil && <Button onClick={handlers.unlock}>Unlock</Button>}
        {mayManageSignIn && <Button onClick={handlers.revokeSessions}>Revoke all sessions</Button>}
        {mayManageSignIn && user.mfaEnabled && <Button onClick={handlers.resetMfa}>Reset two-step verification</Button>}
      </div>
      <div role="group" aria-label="Recovery" className="flex flex-wrap gap-2 empty:hidden">
        <UserRecoveryActions user={user} maySendLinks={maySendLinks} />
      </div>
    </div>
  );
}
