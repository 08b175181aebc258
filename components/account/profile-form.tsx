'use client';

import { useActionState } from 'react';
import { AccountField } from './account-field';
import { ActionResult } from './action-result';
import { InlineSubmit } from './inline-submit';
import type { AccountAction } from './account-action-state';

/** Name, nickname and picture URL: the profile claims applications receive. */
export function ProfileForm({ action, profile }: { action: AccountAction; profile: { name: string; nickname: string; picture: string } }) {
  const [state, formAction] = useActionState(action, {});
  const value = (name: keyof typeof profile) => state.values?.[name] ?? profile[name];
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <AccountField form="profile" label="Name" name="name" autoComplete="name" defaultValue={value('name')} key={`name-${value('name')}`} error={state.fieldErrors?.name} />
      <AccountField
        form="profile"
        label="Nickname"
        name="nickname"
        autoComplete="nickname"
        defaultValue={value('nickname')}
        key={`nickname-${value('nickname')}`}
        error={state.fieldErrors?.nickname}
      />
      <AccountField
        form="profile"
        label="Picture URL"
        name="picture"
        type="url"
        inputMode="url"
        defaultValue={value('picture')}
        key={`picture-${value('picture')}`}
        hint="An https:// address of an image, or empty for none."
        error={state.fieldErrors?.picture}
      />
      <ActionResult state={state} />
      <InlineSubmit>Save profile</InlineSubmit>
    </form>
  );
}
