'use client';

import { useState, type FormEvent } from 'react';
import type { UserSummary } from '@/lib/users/list-users';
import { updateUserProfileAction } from '@/lib/console/actions/user-actions';
import { FormActions } from '../form-actions';
import { TextField } from '../form-field';

type ProfileField = 'name' | 'nickname' | 'picture';

/** A user's profile claims (name, nickname, picture), as applications receive them with the `profile` scope. */
export function EditUserForm({ user, onCancel, onSaved }: { user: UserSummary; onCancel: () => void; onSaved: () => void }) {
  const [values, setValues] = useState<Record<ProfileField, string>>({ name: user.name, nickname: user.nickname, picture: user.picture });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string>();
  const [pending, setPending] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    const result = await updateUserProfileAction(user.id, values);
    setPending(false);
    if (result.ok) return onSaved();
    setErrors(Object.fromEntries(result.fields.map((f) => [f.path, f.message])));
    setSummary(result.fields.length ? undefined : result.message);
  };
  const field = (name: ProfileField, label: string, extra: { type?: string; hint?: string; placeholder?: string } = {}) => (
    <TextField label={label} value={values[name]} onChange={(value) => setValues({ ...values, [name]: value })} error={errors[name]} autoComplete="off" {...extra} />
  );
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {summary && (
        <p role="alert" className="text-sm text-red-600">
          {summary}
        </p>
      )}
      {field('name', 'Name')}
      {field('nickname', 'Nickname')}
      {field('picture', 'Picture URL', { type: 'url', placeholder: 'https://', hint: 'An https:// address of an image; leave empty for none.' })}
      <FormActions onCancel={onCancel} submitLabel="Save" pending={pending} pendingLabel="Saving…" />
    </form>
  );
}
