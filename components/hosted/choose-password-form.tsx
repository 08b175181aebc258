'use client';

import { useActionState } from 'react';
import type { LinkFormState } from '@/lib/account-links/link-form-state';
import { FormAlert } from './form-alert';
import { FormField } from './form-field';
import { LinkProblemNotice } from './link-problem-notice';
import { SubmitButton } from './submit-button';

type Action = (state: LinkFormState, form: FormData) => Promise<LinkFormState>;

/**
 * "New password" and "Confirm password", for a reset link and an invitation. The token
 * rides along as a hidden field (a plain form post works without JavaScript); the email is
 * there for password managers, which save the new password under it.
 */
export function ChoosePasswordForm({
  action,
  token,
  email,
  returnTo,
  kind,
  submitLabel,
  passwordMin,
}: {
  action: Action;
  token: string;
  email: string;
  returnTo?: string;
  kind: 'password_reset' | 'invitation';
  submitLabel: string;
  /** The policy's minimum length (lib/users/password-policy.ts, which stays on the server). */
  passwordMin: number;
}) {
  const [state, formAction] = useActionState(action, {});
  if (state.linkProblem) return <LinkProblemNotice reason={state.linkProblem} kind={kind} returnTo={returnTo} announce />;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        For <bdi className="font-medium text-slate-900 dark:text-slate-100">{email}</bdi>. Use at least {passwordMin} characters; a long phrase is easy to remember and hard to
        guess.
      </p>
      <FormAlert message={state.error} />
      <input type="hidden" name="token" value={token} />
      {returnTo && <input type="hidden" name="return" value={returnTo} />}
      <input type="text" name="username" value={email} autoComplete="username" readOnly hidden />
      <FormField label="New password" name="password" type="password" autoComplete="new-password" required autoFocus error={state.fieldErrors?.password} />
      <FormField label="Confirm password" name="confirm" type="password" autoComplete="new-password" required error={state.fieldErrors?.confirm} />
      <SubmitButton>{submitLabel}</SubmitButton>
    </form>
  );
}
