'use client';

import type { UserSummary } from '@/lib/users/list-users';
import { Button } from '../button';

export interface UserRowActionHandlers {
  /** The signed-in admin, who may not disable themselves or change their own role. */
  currentAdminId: string;
  /** Only super admins grant or remove the admin role and change administrators (the server refuses anyone else). */
  canChangeRoles: boolean;
  view: (user: UserSummary) => void;
  edit: (user: UserSummary) => void;
  setDisabled: (user: UserSummary, disabled: boolean) => void;
  setAdmin: (user: UserSummary, admin: boolean) => void;
  resetMfa: (user: UserSummary) => void;
}

/** Why a button is not there, in place of it: short on screen, the whole reason for screen readers and on hover. */
export function Reason({ label, reason }: { label: string; reason: string }) {
  return (
    <span className="px-2 text-xs text-slate-500" title={reason}>
      {label}
      <span className="sr-only">: {reason}</span>
    </span>
  );
}

/** What the signed-in admin may do to this user's account (lib/users/manage-user.ts decides; this only leaves out what it would refuse). */
export function userPermissions(user: UserSummary, actions: Pick<UserRowActionHandlers, 'currentAdminId' | 'canChangeRoles'>) {
  const self = user.id === actions.currentAdminId;
  const superAdmin = user.role === 'super_admin';
  const administrator = user.role !== 'user';
  return {
    self,
    superAdmin,
    /** Disable, enable, delete: not oneself, not a super admin (CLI), an admin only by a super admin. */
    mayChangeAccount: !self && !superAdmin && (!administrator || actions.canChangeRoles),
    /** Revoke sessions, reset two-step verification: an administrator's only by a super admin. */
    mayManageSignIn: !administrator || actions.canChangeRoles,
    /** Password reset and invitation links (lib/account-links/admin-links.ts): one's own, an end user's, an admin's by a super admin. */
    maySendLinks: self || (!superAdmin && (!administrator || actions.canChangeRoles)),
  };
}

/**
 * A user row's buttons, only those the server would accept: nobody disables themselves
 * or changes their own role, super admins are managed with the CLI, and only super admins
 * change roles or administrators. Whatever is left out says why. The rest is in the details.
 */
export function UserRowActions({ user, actions }: { user: UserSummary; actions: UserRowActionHandlers }) {
  const { self, superAdmin, mayChangeAccount, mayManageSignIn } = userPermissions(user, actions);
  return (
    <span className="flex flex-wrap items-center gap-1" onClick={(event) => event.stopPropagation()}>
      <Button variant="ghost" onClick={() => actions.view(user)} aria-label={`View ${user.email}`}>
        View
      </Button>
      <Button variant="ghost" onClick={() => actions.edit(user)} aria-label={`Edit ${user.email}`}>
        Edit
      </Button>
      {self ? (
        <Reason label="Your account" reason="you cannot disable your own account or change your own role" />
      ) : superAdmin ? (
        <Reason label="Role set with the CLI" reason="super admins are managed with npx thalamus admins" />
      ) : (
        <>
          {mayChangeAccount && (
            <Button variant="ghost" onClick={() => actions.setDisabled(user, !user.disabled)}>
              {user.disabled ? 'Enable' : 'Disable'}
            </Button>
          )}
          {actions.canChangeRoles && (
            <Button variant="ghost" onClick={() => actions.setAdmin(user, user.role !== 'admin')}>
              {user.role === 'admin' ? 'Remove admin' : 'Make admin'}
            </Button>
          )}
        </>
      )}
      {user.mfaEnabled && mayManageSignIn && (
        <Button variant="ghost" onClick={() => actions.resetMfa(user)}>
          Reset MFA
        </Button>
      )}
    </span>
  );
}
