'use client';

import { useState, type FormEvent } from 'react';
import type { UserSummary } from '@/lib/users/list-users';
import { updateUserAction } from '@/lib/console/actions/user-actions';
import { FormActions } from '../form-actions';
import { TextField } from '../form-field';
import { SwitchField } from '../switch-field';
import { SYNCED_FIELDS, syncedFieldReason } from '@/lib/scim/synced-fields';

type TextName = 'email' | 'name' | 'nickname' | 'picture';

/**
 * A user's email, profile claims (name, nickname, picture: what applications receive with
 * the `profile` scope) and two account settings. The server (lib/users/update-user.ts)
 * checks everything and answers with field errors; only what changed is written.
 */
export function EditUserForm({ user, onCancel, onSaved }: { user: UserSummary; onCancel: () => void; onSaved: () => void }) {
  const [values, setValues] = useState<Record<TextName, string>>({ email: user.email, name: user.name, nickname: user.nickname, picture: user.picture });
  const [emailVerified, setEmailVerified] = useState(user.emailVerified);
  const [mfaRequired, setMfaRequired] = useState(user.mfaRequired);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string>();
  const [pending, setPending] = useState(false);
  const emailChanged = values.email.trim().toLowerCase() !== user.email;
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    // A new address is unverified unless the admin says otherwise after changing it.
    const verified = emailChanged && emailVerified === user.emailVerified ? {} : { email_verified: emailVerified };
    const result = await updateUserAction(user.id, { ...values, email: values.email.trim(), ...verified, mfa_required: mfaRequired });
    setPending(false);
    if (result.ok) return onSaved();
    setErrors(Object.fromEntries(result.fields.map((f) => [f.path, f.message])));
    setSummary(result.fields.length ? undefined : result.message);
  };
  // A directory connector's user: the fields it syncs are its own (lib/scim/user-source.ts).
  const synced = (name: TextName) => user.source !== null && (SYNCED_FIELDS as readonly string[]).includes(name);
  const field = (name: TextName, label: string, extra: { type?: string; hint?: string; placeholder?: string } = {}) => (
    <TextField
      label={label}
      value={values[name]}
      onChange={(value) => setValues({ ...values, [name]: value })}
      error={errors[name]}
      autoComplete="off"
      {...extra}
      {...(synced(name) ? { readOnly: true, hint: syncedFieldReason(user.source!) } : {})}
    />
  );
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {summary && (
        <p role="alert" className="text-sm text-red-600">
          {summary}
        </p>
      )}
      {field('email', 'Email', { type: 'email', hint: emailChanged ? 'They sign in with the new address; it counts as unverified unless you say so below.' : undefined })}
      {field('name', 'Name')}
      {field('nickname', 'Nickname')}
      {field('picture', 'Picture URL', { type: 'url', placeholder: 'https://', hint: 'An https:// address of an image; leave empty for none.' })}
      <SwitchField
        label="Email verified"
        checked={emailVerified}
        onChange={setEmailVerified}
        error={errors.email_verified}
        hint="Applications receive it as the email_verified claim."
      />
      <SwitchField
        label="Require two-step verification"
        checked={mfaRequired}
        onChange={setMfaRequired}
        error={errors.mfa_required}
        hint="Without an authenticator yet, they set one up at their next sign-in."
      />
      <FormActions onCancel={onCancel} submitLabel="Save" pending={pending} pendingLabel="Saving…" />
    </form>
  );
}
