'use client';

import type { UserSummary } from '@/lib/users/list-users';
import { Button } from '../button';

export interface UserRowActionHandlers {
  /** The signed-in admin, who may not disable themselves or change their own role. */
  currentAdminId: string;
  /** Only super admins grant or remove the admin role (the server refuses anyone else). */
  canChangeRoles: boolean;
  edit: (user: UserSummary) => void;
  setDisabled: (user: UserSummary, disabled: boolean) => void;
  setAdmin: (user: UserSummary, admin: boolean) => void;
  resetMfa: (user: UserSummary) => void;
}

/** Why a button is not there, in place of it: short on screen, the whole reason for screen readers and on hover. */
function Reason({ label, reason }: { label: string; reason: string }) {
  return (
    <span className="px-2 text-xs text-slate-500" title={reason}>
      {label}
      <span className="sr-only">: {reason}</span>
    </span>
  );
}

/**
 * A user row's buttons, only those the server would accept (lib/users/manage-user.ts):
 * nobody disables themselves or changes their own role, super admins are managed with the
 * CLI, and only super admins change roles. Whatever is left out says why.
 */
export function UserRowActions({ user, actions }: { user: UserSummary; actions: UserRowActionHandlers }) {
  const self = user.id === actions.currentAdminId;
  return (
    <>
      <Button variant="ghost" onClick={() => actions.edit(user)} aria-label={`Edit ${user.email}`}>
        Edit
      </Button>
      {self ? (
        <Reason label="Your account" reason="you cannot disable your own account or change your own role" />
      ) : (
        <>
          <Button variant="ghost" onClick={() => actions.setDisabled(user, !user.disabled)}>
            {user.disabled ? 'Enable' : 'Disable'}
          </Button>
          {user.role === 'super_admin' ? (
            <Reason label="Role set with the CLI" reason="super admins are managed with npx thalamus admins" />
          ) : (
            actions.canChangeRoles && (
              <Button variant="ghost" onClick={() => actions.setAdmin(user, user.role !== 'admin')}>
                {user.role === 'admin' ? 'Remove admin' : 'Make admin'}
              </Button>
            )
          )}
        </>
      )}
      {user.mfaEnabled && (
        <Button variant="ghost" onClick={() => actions.resetMfa(user)}>
          Reset MFA
        </Button>
      )}
    </>
  );
}
