'use client';

import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { UserListQuery, UserSummary } from '@/lib/users/list-users';
import { createUserAction, resetMfaAction, setUserAdminAction, setUserDisabledAction } from '@/lib/console/actions/user-actions';
import type { ActionResult } from '@/lib/console/action-result';
import { Badge } from '../badge';
import { Button } from '../button';
import { Dialog } from '../dialog';
import { PageHeader } from '../page-header';
import { FieldError, inputClass } from '../field-error';
import { toast } from '../toaster';
import { formatDate } from '../format-date';

const roleLabel: Record<string, string> = { user: 'User', admin: 'Admin', super_admin: 'Super admin' };

/** Users: end users and administrators; create, disable, reset MFA, grant or remove the admin role. */
export function UsersView({ users, total, query, currentAdminId }: { users: UserSummary[]; total: number; query: UserListQuery; currentAdminId: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const [search, setSearch] = useState(query.q ?? '');
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    if (search === (query.q ?? '')) return;
    const timer = setTimeout(() => router.replace(search ? `${pathname}?q=${encodeURIComponent(search)}` : pathname), 250);
    return () => clearTimeout(timer);
  }, [search, query.q, pathname, router]);

  const act = async (result: Promise<ActionResult>, success: string) => {
    const outcome = await result;
    toast(outcome.ok ? success : outcome.message, outcome.ok ? 'success' : 'error');
    router.refresh();
  };
  const pages = Math.max(1, Math.ceil(total / query.page_size));

  return (
    <main className="p-8">
      <PageHeader
        title="Users"
        description="People who sign in with Thalamus, and the administrators of this console."
        action={
          <Button variant="primary" onClick={() => setCreating(true)}>
            + Create User
          </Button>
        }
      />
      <label className="sr-only" htmlFor="user-search">
        Search
      </label>
      <input
        id="user-search"
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        placeholder="Search by email or name"
        className="mb-4 w-full max-w-sm rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-950"
      />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 bg-slate-50 text-xs font-semibold tracking-wide text-slate-500 uppercase dark:border-slate-800 dark:bg-slate-900/60">
            <tr>
              {['User', 'Role', 'Two-step', 'Status', 'Created'].map((h) => (
                <th key={h} scope="col" className="px-4 py-3">
                  {h}
                </th>
              ))}
              <th scope="col" className="px-4 py-3">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {users.length === 0 && (
              <tr>
                <td colSpan={6} className="px-4 py-12 text-center text-slate-500">
                  {query.q ? `No user matches “${query.q}”.` : 'No users yet.'}
                </td>
              </tr>
            )}
            {users.map((user) => (
              <tr key={user.id} aria-label={user.email}>
                <td className="px-4 py-3">
                  <p className="font-medium"><bdi>{user.email}</bdi></p>
                  {user.name && <p className="text-xs text-slate-500"><bdi>{user.name}</bdi></p>}
                </td>
                <td className="px-4 py-3">
                  <Badge tone={user.role === 'user' ? 'neutral' : 'indigo'}>{roleLabel[user.role] ?? user.role}</Badge>
                </td>
                <td className="px-4 py-3">{user.mfaEnabled ? <Badge tone="green">On</Badge> : user.mfaRequired ? <Badge tone="amber">Required</Badge> : <Badge>Off</Badge>}</td>
                <td className="px-4 py-3">{user.disabled ? <Badge tone="red">Disabled</Badge> : <Badge tone="green">Active</Badge>}</td>
                <td className="px-4 py-3 text-xs whitespace-nowrap text-slate-500">{formatDate(user.createdAt)}</td>
                <td className="px-4 py-3 text-right whitespace-nowrap">
                  {user.id !== currentAdminId && (
                    <>
                      <Button variant="ghost" onClick={() => act(setUserDisabledAction(user.id, !user.disabled), user.disabled ? `${user.email} enabled` : `${user.email} disabled`)}>
                        {user.disabled ? 'Enable' : 'Disable'}
                      </Button>
                      {user.role !== 'super_admin' && (
                        <Button variant="ghost" onClick={() => act(setUserAdminAction(user.id, user.role !== 'admin'), `${user.email} is now ${user.role === 'admin' ? 'a user' : 'an admin'}`)}>
                          {user.role === 'admin' ? 'Remove admin' : 'Make admin'}
                        </Button>
                      )}
                    </>
                  )}
                  {user.mfaEnabled && (
                    <Button variant="ghost" onClick={() => act(resetMfaAction(user.id), `Two-step verification reset for ${user.email}`)}>
                      Reset MFA
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav aria-label="Pagination" className="mt-4 flex items-center justify-between text-sm text-slate-600 dark:text-slate-400">
        <p>{total} users</p>
        <div className="flex items-center gap-2">
          <Button disabled={query.page <= 1} onClick={() => router.push(`${pathname}?page=${query.page - 1}${query.q ? `&q=${encodeURIComponent(query.q)}` : ''}`)}>
            Previous
          </Button>
          <span>
            Page {query.page} of {pages}
          </span>
          <Button disabled={query.page >= pages} onClick={() => router.push(`${pathname}?page=${query.page + 1}${query.q ? `&q=${encodeURIComponent(query.q)}` : ''}`)}>
            Next
          </Button>
        </div>
      </nav>
      <Dialog open={creating} title="Create User" onClose={() => setCreating(false)}>
        {creating && (
          <CreateUserForm
            onCancel={() => setCreating(false)}
            onCreated={(email) => {
              setCreating(false);
              toast(`${email} created`);
              router.refresh();
            }}
          />
        )}
      </Dialog>
    </main>
  );
}

function CreateUserForm({ onCancel, onCreated }: { onCancel: () => void; onCreated: (email: string) => void }) {
  const id = useId();
  const [values, setValues] = useState({ email: '', name: '', password: '', role: 'user' as 'user' | 'admin' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string>();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await createUserAction(values);
    if (result.ok) onCreated(values.email);
    else {
      setErrors(Object.fromEntries(result.fields.map((f) => [f.path, f.message])));
      setSummary(result.fields.length ? undefined : result.message);
    }
  };
  const field = (name: 'email' | 'name' | 'password', label: string, type = 'text') => (
    <div>
      <label htmlFor={`${id}-${name}`} className="mb-1.5 block text-sm font-medium">
        {label}
      </label>
      <input
        id={`${id}-${name}`}
        type={type}
        value={values[name]}
        onChange={(e) => setValues({ ...values, [name]: e.target.value })}
        aria-invalid={errors[name] ? true : undefined}
        className={inputClass}
        autoComplete="off"
      />
      <FieldError id={`${id}-${name}-error`} message={errors[name]} />
    </div>
  );
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {summary && <p role="alert" className="text-sm text-red-600">{summary}</p>}
      {field('email', 'Email', 'email')}
      {field('name', 'Name')}
      {field('password', 'Password', 'password')}
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium">Role</legend>
        {(['user', 'admin'] as const).map((role) => (
          <label key={role} className="mr-4 inline-flex items-center gap-2 text-sm">
            <input type="radio" name={`${id}-role`} checked={values.role === role} onChange={() => setValues({ ...values, role })} />
            {role === 'user' ? 'User' : 'Admin'}
          </label>
        ))}
      </fieldset>
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button type="submit" variant="primary">
          Create User
        </Button>
      </div>
    </form>
  );
}
