'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, type FormEvent } from 'react';
import type { UserListQuery, UserSummary } from '@/lib/users/list-users';
import {
  createUserAction,
  deleteUserAction,
  resetMfaAction,
  revokeUserSessionsAction,
  setUserAdminAction,
  setUserDisabledAction,
  unlockUserAction,
} from '@/lib/console/actions/user-actions';
import type { UserSessionsView } from '@/lib/users/user-activity';
import type { AuditEventView } from '@/lib/audit/list-audit-events';
import type { SecurityEventView } from '@/lib/security-events/list-security-events';
import type { ActionResult } from '@/lib/console/action-result';
import { DataTable } from '../data-table';
import { DataTablePagination } from '../data-table-pagination';
import { DataTableToolbar, ToolbarFilter } from '../data-table-toolbar';
import { useConfirm } from '../confirm-dialog';
import { Dialog } from '../dialog';
import { FormActions } from '../form-actions';
import { TextField } from '../form-field';
import { PageHeader } from '../page-header';
import { toast } from '../toaster';
import { useQueryNavigation } from '../use-query-navigation';
import { useUrlSorting } from '../use-url-sorting';
import { userColumns } from './columns';
import { EditUserForm } from './edit-user-form';
import { riskyUserChange, type RiskyUserChange } from './risky-user-changes';
import { UserDetailsPanel } from './user-details-panel';
import { OneTimeLinkDialog, type HandOverLink } from './one-time-link-dialog';
import { MailNotConfiguredNotice } from '../mail/mail-not-configured-notice';
import type { LinkDelivery } from '@/lib/account-links/deliver-link';

/** The user whose details are open (`?user=<id>`), with what the panel lists. */
export interface SelectedUser {
  user: UserSummary;
  activity: UserSessionsView;
  securityEvents: SecurityEventView[];
  history: AuditEventView[];
}

/**
 * Users: end users and administrators; create, edit, disable, delete, unlock, sign out
 * everywhere, reset MFA, grant or remove the admin role. What stops something working
 * confirms first, saying what happens; enabling and unlocking do not. Search, the role
 * filter, sorting, paging and the open details (`?user=`) live in the URL.
 */
export function UsersView({
  users,
  total,
  query,
  currentAdminId,
  canChangeRoles,
  selected,
  mailConfigured,
}: {
  selected?: SelectedUser;
  /** Without SMTP, invitations and resets give the admin a one-time link: the page says so. */
  mailConfigured: boolean;
  users: UserSummary[];
  total: number;
  query: UserListQuery;
  currentAdminId: string;
  /** Super admins grant and remove the admin role; for anyone else the buttons are not offered. */
  canChangeRoles: boolean;
}) {
  const router = useRouter();
  const { navigate, pending } = useQueryNavigation();
  const sorting = useUrlSorting(query);
  const { dialog, confirm } = useConfirm();
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<UserSummary>();
  const [handOver, setHandOver] = useState<HandOverLink>();

  const act = async (result: Promise<ActionResult>, success: string) => {
    const outcome = await result;
    toast(outcome.ok ? success : outcome.message, outcome.ok ? 'success' : 'error');
    router.refresh();
  };
  const created = (email: string, invitation: LinkDelivery | null) => {
    setCreating(false);
    if (invitation?.delivery === 'link') setHandOver({ email, kind: 'invitation', link: invitation.link, reason: invitation.reason });
    else toast(invitation ? `${email} created: invitation sent` : `${email} created`);
    router.refresh();
  };
  const saved = (email: string) => {
    setEditing(undefined);
    toast(`${email} saved`);
    router.refresh();
  };
  // Cancelling the confirmation changes nothing: the action is only called once confirmed.
  const confirmed = (change: RiskyUserChange, user: UserSummary) => confirm(riskyUserChange(change, user));
  const columns = userColumns({
    currentAdminId,
    canChangeRoles,
    view: (user) => navigate({ user: user.id }),
    edit: setEditing,
    setDisabled: async (user, disabled) => {
      if (disabled && !(await confirmed('disable', user))) return;
      await act(setUserDisabledAction(user.id, disabled), `${user.email} ${disabled ? 'disabled' : 'enabled'}`);
    },
    setAdmin: async (user, admin) => {
      if (!(await confirmed(admin ? 'make_admin' : 'remove_admin', user))) return;
      await act(setUserAdminAction(user.id, admin), `${user.email} is now ${admin ? 'an admin' : 'a user'}`);
    },
    resetMfa: async (user) => {
      if (!(await confirmed('reset_mfa', user))) return;
      await act(resetMfaAction(user.id), `Two-step verification reset for ${user.email}`);
    },
  });

  const open = selected?.user;
  const details = open && {
    currentAdminId,
    canChangeRoles,
    edit: () => setEditing(open),
    setDisabled: async (disabled: boolean) => {
      if (disabled && !(await confirmed('disable', open))) return;
      await act(setUserDisabledAction(open.id, disabled), `${open.email} ${disabled ? 'disabled' : 'enabled'}`);
    },
    remove: async () => {
      if (!(await confirmed('delete', open))) return;
      const outcome = await deleteUserAction(open.id);
      toast(outcome.ok ? `${open.email} deleted` : outcome.message, outcome.ok ? 'success' : 'error');
      if (outcome.ok) navigate({ user: undefined });
      else router.refresh();
    },
    unlock: () => act(unlockUserAction(open.id), `${open.email} unlocked`),
    revokeSessions: async () => {
      if (!(await confirmed('revoke_sessions', open))) return;
      const outcome = await revokeUserSessionsAction(open.id);
      toast(outcome.ok ? `${open.email} signed out of ${outcome.data} session(s)` : outcome.message, outcome.ok ? 'success' : 'error');
      router.refresh();
    },
    resetMfa: async () => {
      if (!(await confirmed('reset_mfa', open))) return;
      await act(resetMfaAction(open.id), `Two-step verification reset for ${open.email}`);
    },
  };

  return (
    <div className="flex">
      <div className="min-w-0 flex-1 p-4 sm:p-6 lg:p-8">
        <PageHeader
          title="Users"
          description="People who sign in with Thalamus, and the administrators of this console."
          create={{ label: 'Create User', onClick: () => setCreating(true) }}
        />
        {!mailConfigured && <MailNotConfiguredNotice className="mb-4" />}
        {!canChangeRoles && <p className="mb-3 text-xs text-slate-500">Only super admins can grant or remove the admin role.</p>}
        <DataTableToolbar search={query.q} onSearch={(q) => navigate({ q, page: undefined }, true)} placeholder="Search by email or name" pending={pending}>
          <ToolbarFilter label="Role" value={query.role} onChange={(role) => navigate({ role, page: undefined })}>
            <option value="">All roles</option>
            <option value="user">Users</option>
            <option value="admin">Admins</option>
            <option value="super_admin">Super admins</option>
          </ToolbarFilter>
        </DataTableToolbar>
        <DataTable
          columns={columns}
          data={users}
          {...sorting}
          rowId={(user) => user.id}
          onRowClick={(user) => navigate({ user: user.id })}
          rowLabel={(user) => user.email}
          empty={query.q ? `No user matches “${query.q}”.` : query.role ? 'No user has this role.' : 'No users yet.'}
        />
        <DataTablePagination page={query.page} pageSize={query.page_size} total={total} summary={`${total} users`} onPageChange={(page) => navigate({ page: String(page) })} />
      </div>
      {selected && details && (
        <UserDetailsPanel
          user={selected.user}
          activity={selected.activity}
          securityEvents={selected.securityEvents}
          history={selected.history}
          handlers={details}
          onClose={() => navigate({ user: undefined })}
        />
      )}
      <Dialog open={creating} title="Create User" onClose={() => setCreating(false)}>
        {creating && <CreateUserForm onCancel={() => setCreating(false)} onCreated={created} />}
      </Dialog>
      <Dialog
        open={!!editing}
        title={
          <>
            Edit <bdi>{editing?.email}</bdi>
          </>
        }
        onClose={() => setEditing(undefined)}
      >
        {editing && <EditUserForm user={editing} onCancel={() => setEditing(undefined)} onSaved={() => saved(editing.email)} />}
      </Dialog>
      <OneTimeLinkDialog shown={handOver} onClose={() => setHandOver(undefined)} />
      {dialog}
    </div>
  );
}

/** A new user with a password, or without one: then they are invited to choose it. */
function CreateUserForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (email: string, invitation: LinkDelivery | null) => void }) {
  const id = useId();
  const [values, setValues] = useState({ email: '', name: '', password: '', role: 'user' as 'user' | 'admin' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await createUserAction(values);
    if (result.ok) onCreated(values.email.trim().toLowerCase(), result.data.invitation);
    else {
      setErrors(Object.fromEntries(result.fields.map((f) => [f.path, f.message])));
      setSummary(result.fields.length ? undefined : result.message);
    }
  };
  const field = (name: 'email' | 'name' | 'password', label: string, type = 'text', hint?: string) => (
    <TextField label={label} type={type} hint={hint} value={values[name]} onChange={(value) => setValues({ ...values, [name]: value })} error={errors[name]} autoComplete="off" />
  );
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {summary && (
        <p role="alert" className="text-sm text-red-600">
          {summary}
        </p>
      )}
      {field('email', 'Email', 'email')}
      {field('name', 'Name')}
      {field('password', 'Password', 'password', 'Leave empty to send an invitation: the person chooses their own password.')}
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium">Role</legend>
        {(['user', 'admin'] as const).map((role) => (
          <label key={role} className="mr-4 inline-flex items-center gap-2 text-sm">
            <input type="radio" name={`${id}-role`} checked={values.role === role} onChange={() => setValues({ ...values, role })} />
            {role === 'user' ? 'User' : 'Admin'}
          </label>
        ))}
      </fieldset>
      <FormActions onCancel={onCancel} submitLabel="Create User" />
    </form>
  );
}
